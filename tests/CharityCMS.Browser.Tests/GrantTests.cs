using CharityCMS.Browser.Tests.Pages;
using CharityCMS.Cases;
using CharityCMS.Demo;
using CharityCMS.Grants;
using CharityCMS.TestSupport;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CharityCMS.Browser.Tests;

public class GrantTests(Chromium chromium, BrowserApp app) : BrowserTest(chromium, app), IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_manager_records_a_funder_and_a_grant_with_kpis_and_deadlines_and_the_bell_reminds_her()
    {
        var today = DateTime.Today;
        var manager = await SignInAsync("Grace Okoro");
        var grants = new GrantPages(manager);
        var bell = new NotificationBellControl(manager);
        var unreadBefore = int.Parse((await bell.LabelAsync()).Split(' ')[1]);

        // The funder first.
        await GoToAsync(manager, "/funders");
        await grants.AddFunderAsync("Westshire Police and Crime Commissioner", "Sam Commissioning");
        await AssertAccessibleAsync(manager);
        await ScreenshotAsync(manager, "funders");

        // The grant: an empty form is refused field by field, then recorded.
        await GoToAsync(manager, "/grants/new");
        await manager.Locator("#save-grant").ClickAsync();
        await manager.Locator("#form-errors").WaitForAsync();
        Assert.Contains("Give the grant a title.", await grants.ErrorsAsync());
        Assert.Contains("Choose at least one service the grant funds.", await grants.ErrorsAsync());
        await AssertAccessibleAsync(manager);
        await ScreenshotAsync(manager, "grant-form-refused");

        await manager.SelectAsync("Funder", "Westshire Police and Crime Commissioner");
        await grants.FillAsync("Grant title", "Outreach in the villages 2026-27");
        await grants.FillAsync("Funder's reference (optional)", "WPCC/26/117");
        await grants.FillAsync("Amount awarded (£)", "45000");
        await grants.FillDateAsync("Starts on", "01/04/2026");
        await grants.FillDateAsync("Ends on", "31/03/2027");
        await manager.GetByLabel("Outreach", new() { Exact = true }).CheckAsync();
        await ScreenshotAsync(manager, "grant-form-filled");
        await manager.Locator("#save-grant").ClickAsync();
        await manager.Locator("#grant-summary").WaitForAsync();
        Assert.Contains("£45,000, restricted", await manager.Locator("#grant-summary").InnerTextAsync());
        await AssertAccessibleAsync(manager);
        await ScreenshotAsync(manager, "grant-recorded");

        // A return whose period is outside the grant is refused; a quarterly return due in five days is added.
        await grants.FillAsync("What the funder expects", "Quarterly monitoring return");
        await grants.FillDateAsync("Period from", "01/01/2026");
        await grants.FillDateAsync("Period to", "31/03/2026");
        await grants.FillDateAsync("Due on", "30/04/2026");
        await manager.Locator("#save-deadline").ClickAsync();
        Assert.Contains("within the grant", await manager.Locator("#deadline-refusal").InnerTextAsync());
        await grants.AddReturnAsync("Quarterly monitoring return", "01/07/2026", "30/09/2026", today.AddDays(5).ToString("dd/MM/yyyy"));
        await AssertAccessibleAsync(manager);
        await ScreenshotAsync(manager, "deadline-added");

        await grants.AddKpiAsync("Survivors supported", "Clients supported", "120");
        await grants.AddKpiAsync("Feel safer when support ends", "% feeling safer at exit", "80");
        await AssertAccessibleAsync(manager);
        await ScreenshotAsync(manager, "kpis");
        await grants.AddInstalmentAsync(today.AddDays(40).ToString("dd/MM/yyyy"), "22500");
        await ScreenshotAsync(manager, "instalment");

        await grants.TabAsync("History");
        var history = await grants.HistoryAsync();
        Assert.Contains(history, h => h.Contains("Grant recorded") && h.Contains("Grace Okoro"));
        Assert.Contains(history, h => h.Contains("Reporting deadline set") && h.Contains("Quarterly monitoring return"));
        await AssertAccessibleAsync(manager);
        await ScreenshotAsync(manager, "history");

        // The bell: the return due in five days is reminded at once (the 7-day reminder), by the grant's name only.
        await GoToAsync(manager, "/grants");
        Assert.Equal($"Notifications, {unreadBefore + 1} unread", await bell.LabelAsync());
        await bell.OpenAsync();
        var reminder = bell.Items.Filter(new() { HasText = "Quarterly monitoring return for Outreach in the villages 2026-27" });
        Assert.Contains("is due in 5 days", await reminder.InnerTextAsync());
        await ScreenshotAsync(manager, "bell-reminder");
        await bell.OpenItemAsync(reminder, new System.Text.RegularExpressions.Regex("/grants/[0-9a-f]+-[0-9a-f-]+$"));
        await manager.Locator("#grant-summary").WaitForAsync();

        // The dashboard: the return among the next 90 days' dates, the funder's income, the grant in the runway.
        await GoToAsync(manager, "/funding");
        await manager.Locator("#upcoming").GetByText("Quarterly monitoring return").WaitForAsync();
        Assert.Contains("Westshire Police and Crime Commissioner", await manager.Locator("#income-table").InnerTextAsync());
        Assert.Contains("Outreach in the villages 2026-27", await manager.Locator("#runway").InnerTextAsync());
        await AssertAccessibleAsync(manager);
        await ScreenshotAsync(manager, "funding-dashboard");

        await using var session = App.Store.QuerySession(DemoStaff.Riverside);
        var grant = await session.Query<Grant>().SingleAsync(g => g.Terms.Title == "Outreach in the villages 2026-27");
        Assert.Equal(2, grant.Kpis.Count);
        Assert.Single(grant.Deadlines);
        Assert.Equal(22_500m, grant.Instalments.Single().Amount);
    }

    [Fact]
    public async Task A_manager_attaches_the_agreement_downloads_it_and_marks_a_return_sent_with_its_file()
    {
        var grantId = await RecordGrantWithAReturnAsync("Helpline 2026-27", "Half-year report");
        var agreement = SampleDocuments.Pdf("Helpline agreement");
        var manager = await SignInAsync("Grace Okoro");
        var grants = new GrantPages(manager);
        await GoToAsync(manager, $"/grants/{grantId}");
        await manager.Locator("#grant-summary").WaitForAsync();

        await grants.AttachDocumentAsync("Grant agreement", "Helpline agreement.pdf", agreement);
        Assert.Contains("Grant agreement", await manager.Locator("#document-list").InnerTextAsync());

        // A text file sent as a PDF by the browser is refused by its content.
        await grants.ChooseDocumentAsync("Correspondence", "notes.txt", SampleDocuments.Text());
        await manager.Locator("#document-refusal").GetByText(DocumentTypes.NotADocument).WaitForAsync();
        await AssertAccessibleAsync(manager);
        await ScreenshotAsync(manager, "document-refused");

        var download = await manager.RunAndWaitForDownloadAsync(() => grants.Document("Helpline agreement.pdf").ClickAsync());
        Assert.Equal("Helpline agreement.pdf", download.SuggestedFilename);
        Assert.Equal(agreement, await File.ReadAllBytesAsync(await download.PathAsync()));

        await grants.AttachDocumentAsync("Return sent", "Half-year report.docx", SampleDocuments.Docx());
        await AssertAccessibleAsync(manager);
        await ScreenshotAsync(manager, "documents");
        await grants.MarkSentAsync("Half-year report", "Half-year report.docx");
        await ScreenshotAsync(manager, "return-sent-with-file");

        await using var session = App.Store.QuerySession(DemoStaff.Riverside);
        var grant = await session.LoadAsync<Grant>(grantId);
        var sentFile = grant!.Documents.Single(d => d.FileName == "Half-year report.docx").FileId;
        Assert.Equal(sentFile, grant.Deadlines.Single().Submitted?.FileId);
    }

    private async Task<Guid> RecordGrantWithAReturnAsync(string title, string returnTitle)
    {
        var manager = await App.ManagerAsync(DemoStaff.Riverside);
        var funderId = await App.Services.GetRequiredService<Funders>().RegisterAsync(manager,
            new FunderDetails("Eastbrook Community Trust", FunderType.Trust, null, null, null, null), default);
        var grantId = await App.Services.GetRequiredService<GrantTermsHandler>().RecordAsync(manager, new GrantTermsForm(
            funderId, title, null, 20_000m, true, new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31), [CaseService.Helpline], null, manager.Member.Id, null), default);
        await App.Services.GetRequiredService<GrantPlanning>().SetDeadlineAsync(manager,
            new SetReportingDeadline(grantId, null, returnTitle, new DateOnly(2026, 4, 1), new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 31)), default);
        return grantId;
    }

    [Fact]
    public async Task Caseworkers_and_fundraisers_have_no_grant_pages()
    {
        foreach (var person in new[] { "Hannah Price", "Ellie Turner" })
        {
            var page = await SignInAsync(person);
            Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Grants" }).CountAsync());
            await page.GotoAsync("/grants");
            await page.GetByRole(AriaRole.Heading, new() { Name = "You do not have access to that page" }).WaitForAsync();
        }
    }
}
