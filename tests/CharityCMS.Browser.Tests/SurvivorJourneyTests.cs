using CharityCMS.Browser.Tests.Pages;
using CharityCMS.Cases;
using CharityCMS.Demo;
using CharityCMS.Marac;
using CharityCMS.Referrals;
using CharityCMS.Risk;
using Marten;
using Microsoft.Playwright;

namespace CharityCMS.Browser.Tests;

/// <summary>
/// One woman's way through the service, end to end and only through the screens: she refers herself,
/// a manager triages her into a new client and an IDVA case, her caseworker reaches her, assesses
/// her risk as high, refers her to MARAC and starts her safety plan.
/// </summary>
public class SurvivorJourneyTests(Chromium chromium, BrowserApp app) : BrowserTest(chromium, app), IClassFixture<BrowserApp>
{
    private const string Name = "Jodie Journeytest";
    private const string Number = "07700 900871";

    [Fact]
    public async Task A_self_referral_becomes_a_case_with_a_contact_a_high_risk_assessment_a_marac_referral_and_a_safety_plan()
    {
        // 1. She refers herself from her phone.
        var visitor = await NewWindowAsync(390, 844);
        var form = new SelfReferralFormPage(visitor);
        await form.OpenAsync(DemoStaff.Riverside);
        await form.FillAsync("What name should we use for you?", Name);
        await form.FillAsync("A phone number we can use (optional)", Number);
        await form.TickAsync("Call you?");
        await form.TickAsync("Riverside Women's Aid may contact me in the ways I have said are safe");
        await AssertAccessibleAsync(visitor);
        await ScreenshotAsync(visitor, "self-referral");
        await form.SendAsync();
        await visitor.WaitForURLAsync($"**/refer/{DemoStaff.Riverside}/thanks");
        await ScreenshotAsync(visitor, "self-referral-sent");

        // 2. The manager accepts it into a new client with an IDVA case for Hannah.
        var manager = await SignInAsync("Grace Okoro");
        await GoToAsync(manager, "/referrals");
        var queue = new ReferralQueuePage(manager);
        await queue.OpenAsync(Name);
        var referral = new ReferralDetailPage(manager);
        await referral.AcceptIntoNewClientAsync("IDVA", "Hannah Price");
        Assert.Contains("RWA-", await referral.StatusAsync());
        await AssertAccessibleAsync(manager);
        await ScreenshotAsync(manager, "triaged-into-a-new-client");

        // 3. Hannah finds her on her caseload and logs a call on the case, her safe-contact rules above the form.
        var worker = await SignInAsync("Hannah Price");
        await GoToAsync(worker, "/caseload");
        await worker.Locator("#my-caseload").GetByText(Name).First.ClickAsync();
        var casePage = new CasePage(worker);
        await casePage.WhenOpenAsync();
        await worker.Locator("#safe-contact").WaitForAsync();
        var caseUrl = worker.Url;
        await casePage.LogContactAsync("Phone call", "First call: she is safe to talk on weekday mornings.");
        await casePage.ContactLog.GetByText("First call: she is safe to talk on weekday mornings.").WaitForAsync();
        await AssertAccessibleAsync(worker);
        await ScreenshotAsync(worker, "contact-logged");

        // 4. From her record, a risk assessment with fifteen "yes": high risk, and the MARAC flag goes up.
        await worker.GetByRole(AriaRole.Link, new() { Name = Name }).First.ClickAsync();
        await new ClientRecordPage(worker).WhenOpenAsync();
        await worker.GetByRole(AriaRole.Link, new() { Name = "Risk summary" }).ClickAsync();
        var risk = new RiskSummaryPage(worker);
        await risk.WhenOpenAsync();
        var riskUrl = new Uri(worker.Url).AbsolutePath;
        Assert.Equal("Not assessed", await risk.LevelAsync());
        await risk.AssessAsync();
        var checklist = new RiskChecklistPage(worker);
        var yes = RiskChecklist.Questions.Where(q => q.Id != RiskChecklist.StalkingQuestionId).Take(15).Select(q => q.Id).ToHashSet();
        foreach (var question in RiskChecklist.Questions)
            await checklist.AnswerAsync(question.Id, yes.Contains(question.Id) ? "Yes" : "No");
        Assert.Contains("Score: 15", await checklist.LiveScoreAsync());
        await ScreenshotAsync(worker, "checklist");
        await checklist.CompleteAsync();
        Assert.Contains("High risk", await worker.Locator("#assessment-result").InnerTextAsync());
        await ScreenshotAsync(worker, "assessment-completed");

        await GoToAsync(worker, riskUrl);
        await risk.WhenOpenAsync();
        await worker.Locator("#marac-flags .mud-chip").First.WaitForAsync();
        Assert.Equal("High risk", await risk.LevelAsync());
        Assert.Contains("Visible high risk", await risk.MaracFlagsAsync());
        await AssertAccessibleAsync(worker);
        await ScreenshotAsync(worker, "marac-flag");

        // 5. She refers to MARAC with the meeting date and an action agreed there.
        await risk.ReferToMaracAsync();
        var marac = new MaracReferralPages(worker);
        await marac.FillDateAsync("MARAC meeting date", DateTime.Today.AddDays(10).ToString("dd/MM/yyyy"));
        await marac.MakeReferralAsync();
        await marac.AddActionAsync("Flag her address with the police for a priority response", "Police", DateTime.Today.AddDays(5).ToString("dd/MM/yyyy"));
        Assert.Contains(await marac.ActionsAsync(), a => a.Contains("priority response"));
        await AssertAccessibleAsync(worker);
        await ScreenshotAsync(worker, "marac-referral");

        // 6. Back on the case, the safety plan's first action; the timeline shows the day's work.
        await GoToAsync(worker, new Uri(caseUrl).AbsolutePath);
        await casePage.WhenOpenAsync();
        await casePage.AddSafetyActionAsync("Panic alarm fitted at her home", "Police");
        await AssertAccessibleAsync(worker);
        await ScreenshotAsync(worker, "safety-plan");
        await casePage.TabAsync("Timeline");
        var timeline = worker.Locator("#case-timeline");
        await timeline.GetByText("Safety plan: Panic alarm fitted at her home").WaitForAsync();
        await ScreenshotAsync(worker, "timeline");

        // What the screens did is what the store holds.
        await using var session = App.Store.QuerySession(DemoStaff.Riverside);
        var stored = await session.Query<Referral>().SingleAsync(r => r.Person.Name == Name);
        var opened = await session.LoadAsync<Case>(stored.CaseId!.Value);
        Assert.Equal("Hannah Price", opened!.Worker!.Name);
        Assert.Single(opened.Contacts);
        Assert.Single(opened.SafetyPlan);
        var assessment = await session.Query<RiskAssessment>().SingleAsync(a => a.ClientId == stored.ClientId);
        Assert.True(assessment.IsCompleted);
        Assert.Equal(RiskLevel.High, assessment.FinalLevel);
        var referred = await session.Query<MaracReferral>().SingleAsync(m => m.ClientId == stored.ClientId);
        Assert.Single(referred.Actions);
    }
}
