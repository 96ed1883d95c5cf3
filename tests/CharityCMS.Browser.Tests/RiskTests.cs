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
