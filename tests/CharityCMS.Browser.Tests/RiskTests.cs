using CharityCMS.Browser.Tests.Pages;
using CharityCMS.Demo;
using CharityCMS.Risk;
using CharityCMS.TestSupport;
using Microsoft.Playwright;

namespace CharityCMS.Browser.Tests;

public class RiskTests(Chromium chromium, BrowserApp app) : BrowserTest(chromium, app), IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_manager_completes_a_high_risk_assessment_sees_the_marac_flag_and_refers_with_an_action()
    {
        var client = await App.RegisterClientAsync(DemoStaff.Riverside, SampleClients.Registration("Risk Testclient"));
        var page = await SignInAsync("Grace Okoro");

        // No assessment yet.
        await GoToAsync(page, $"/clients/{client.ClientId}/risk");
        var summary = new RiskSummaryPage(page);
        await summary.WhenOpenAsync();
        Assert.Equal("Not assessed", await summary.LevelAsync());
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "risk-before");

        // The checklist: fifteen "yes" including stalking, which opens the stalking screen.
        await summary.AssessAsync();
        var checklist = new RiskChecklistPage(page);
        Assert.False(await checklist.StalkingScreenShownAsync());
        var yes = RiskChecklist.Questions.Take(15).Select(q => q.Id).ToHashSet();
        Assert.Contains(RiskChecklist.StalkingQuestionId, yes);
        foreach (var question in RiskChecklist.Questions)
            await checklist.AnswerAsync(question.Id, yes.Contains(question.Id) ? "Yes" : "No");
        Assert.True(await checklist.StalkingScreenShownAsync());
        foreach (var (question, i) in RiskChecklist.StalkingScreen.Select((q, i) => (q, i)))
            await checklist.AnswerAsync(question.Id, i < 5 ? "Yes" : "DontKnow");
        Assert.Contains("Score: 15", await checklist.LiveScoreAsync());
        Assert.Contains("High risk", await checklist.LiveScoreAsync());
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "checklist-filled");

        await checklist.SaveDraftAsync();
        await ScreenshotAsync(page, "draft-saved");
        await checklist.CompleteAsync();
        Assert.Contains("High risk", await page.Locator("#assessment-result").InnerTextAsync());
        Assert.Contains("5 of 11", await page.Locator("#assessment-result").InnerTextAsync());
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "assessment-snapshot");

        // The summary shows the level and the MARAC flag.
        await GoToAsync(page, $"/clients/{client.ClientId}/risk");
        await summary.WhenOpenAsync();
        Assert.Equal("High risk", await summary.LevelAsync());
        Assert.Contains("Visible high risk", await summary.MaracFlagsAsync());
        Assert.Single(await summary.HistoryAsync());
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "risk-after");

        // She refers to MARAC and records an action agreed there.
        await summary.ReferToMaracAsync();
        var marac = new MaracReferralPages(page);
        Assert.Equal(["Visible high risk"], await marac.CriteriaAsync());
        await AssertAccessibleAsync(page);
        var meeting = DateTime.Today.AddDays(14).ToString("dd/MM/yyyy");
        await marac.FillDateAsync("MARAC meeting date", meeting);
        await ScreenshotAsync(page, "referral-form");
        await marac.MakeReferralAsync();
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "referral");

        await marac.AddActionAsync("Fit a panic alarm at her home", "Police", DateTime.Today.AddDays(7).ToString("dd/MM/yyyy"));
        Assert.Contains(await marac.ActionsAsync(), a => a.Contains("Fit a panic alarm") && a.Contains("Police"));
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "referral-with-action");

        // The workspace's MARAC list shows the meeting and the open action, by reference only.
        await GoToAsync(page, "/marac");
        await page.Locator("#open-actions").WaitForAsync();
        Assert.Contains(await marac.OpenActionsOnListAsync(), a => a.Contains("Fit a panic alarm") && a.Contains(client.Reference));
        Assert.DoesNotContain("Risk Testclient", await page.ContentAsync());
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "marac-list");

        // The client's record shows the risk panel.
        await GoToAsync(page, $"/clients/{client.ClientId}");
        await page.Locator("#client-risk-panel .risk-chip").WaitForAsync();
        Assert.Contains("High risk", await page.Locator("#client-risk-panel").InnerTextAsync());
        await ScreenshotAsync(page, "record-risk-panel");
    }

    [Fact]
    public async Task A_saved_draft_comes_back_with_its_answers_after_leaving_the_page()
    {
        var client = await App.RegisterClientAsync(DemoStaff.Riverside, SampleClients.Registration("Draft Testclient"));
        var page = await SignInAsync("Grace Okoro");
        await GoToAsync(page, $"/clients/{client.ClientId}/risk");
        var summary = new RiskSummaryPage(page);
        await summary.WhenOpenAsync();
        await summary.AssessAsync();

        var checklist = new RiskChecklistPage(page);
        var (yes, no) = (RiskChecklist.Questions[0].Id, RiskChecklist.Questions[1].Id);
        await checklist.AnswerAsync(yes, "Yes");
        await checklist.AnswerAsync(no, "No");
        await checklist.AnswerAsync(RiskChecklist.StalkingQuestionId, "Yes");
        await checklist.AnswerAsync(RiskChecklist.StalkingScreen[0].Id, "DontKnow");
        await checklist.SaveDraftAsync();

        await GoToAsync(page, $"/clients/{client.ClientId}");
        await page.Locator("#safe-contact").WaitForAsync();
        await GoToAsync(page, $"/clients/{client.ClientId}/risk");
        await summary.WhenOpenAsync();
        Assert.Contains("A draft was last saved", await summary.OpenDraftAsync());
        Assert.Equal("Resume draft", (await summary.AssessButtonAsync()).Trim(), ignoreCase: true);
        await ScreenshotAsync(page, "draft-waiting");

        await summary.AssessAsync();
        Assert.True(await checklist.IsAnsweredAsync(yes, "Yes"));
        Assert.True(await checklist.IsAnsweredAsync(no, "No"));
        Assert.True(await checklist.IsAnsweredAsync(RiskChecklist.StalkingScreen[0].Id, "DontKnow"));
        Assert.False(await checklist.IsAnsweredAsync(RiskChecklist.Questions[2].Id, "Yes"));
        Assert.Contains("Score: 2", await checklist.LiveScoreAsync());
        await ScreenshotAsync(page, "draft-resumed");
    }

    [Fact]
    public async Task On_a_marac_referral_the_outcome_is_recorded_and_an_action_marked_done_and_both_are_shown()
    {
        var client = await App.RegisterClientAsync(DemoStaff.Riverside, SampleClients.Registration("Outcome Testclient"));
        await App.CompleteAssessmentAsync(DemoStaff.Riverside, client.ClientId, yes: 16);
        var referralId = await App.ReferToMaracAsync(DemoStaff.Riverside, client.ClientId);
        var page = await SignInAsync("Grace Okoro");
        await GoToAsync(page, $"/marac/{referralId}");
        var marac = new MaracReferralPages(page);
        await page.Locator("#referral-details").WaitForAsync();

        await marac.AddActionAsync("Flag her address with the police", "Police", DateTime.Today.AddDays(7).ToString("dd/MM/yyyy"));
        await marac.MarkDoneAsync("Flag her address with the police");
        await marac.RecordOutcomeAsync("Actions agreed by all agencies; review at the next meeting.");

        Assert.Contains(await marac.ActionsAsync(), a => a.Contains("Flag her address") && a.Contains($"Done {DateTime.Today:d MMM yyyy}"));
        Assert.Contains("Actions agreed by all agencies; review at the next meeting.", await marac.OutcomeAsync());
        Assert.Contains("by Grace Okoro", await marac.OutcomeAsync());
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "marac-outcome-and-action-done");

        // Both stay after a reload: they were saved, not only shown.
        await GoToAsync(page, $"/marac/{referralId}");
        await page.Locator("#referral-details").WaitForAsync();
        Assert.Contains("Actions agreed by all agencies", await marac.OutcomeAsync());
        Assert.Contains(await marac.ActionsAsync(), a => a.Contains("Done "));
    }

    [Fact]
    public async Task A_caseworker_outside_the_caseload_sees_a_way_to_the_record_and_no_risk_data()
    {
        var client = await App.RegisterClientAsync(DemoStaff.Riverside, SampleClients.Registration("Outside Testclient"));
        var page = await SignInAsync("Hannah Price");

        await GoToAsync(page, $"/clients/{client.ClientId}/risk");
        await page.Locator("#outside-caseload").WaitForAsync();
        Assert.Equal(0, await page.Locator("#risk-summary").CountAsync());
        Assert.DoesNotContain(client.Reference, await page.ContentAsync());
        Assert.Equal($"/clients/{client.ClientId}", await page.Locator("#outside-caseload a").GetAttributeAsync("href"));
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "outside-caseload");
    }
}
