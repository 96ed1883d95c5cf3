using CharityCMS.Browser.Tests.Pages;
using CharityCMS.Cases;
using CharityCMS.Demo;
using CharityCMS.Grants;
using CharityCMS.TestSupport;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace CharityCMS.Browser.Tests;

public class ReturnTests(Chromium chromium, BrowserApp app) : BrowserTest(chromium, app), IClassFixture<BrowserApp>
{
    /// <summary>A grant funding the IDVA service this year, and six IDVA cases open today, so some figures are shown.</summary>
    private async Task<Grant> FundedGrantAsync()
    {
        var manager = await App.ManagerAsync(DemoStaff.Riverside);
        for (var n = 1; n <= 6; n++)
            await App.RegisterClientAsync(DemoStaff.Riverside, SampleClients.Registration($"Return Testclient{n}"), allocateTo: "Hannah Price");
        var funderId = await App.Services.GetRequiredService<Funders>().RegisterAsync(manager,
            new FunderDetails("Eastshire Community Trust", FunderType.Trust, null, null, null, null), default);
        var today = UkCalendar.Today(TimeProvider.System);
        var id = await App.Services.GetRequiredService<GrantTermsHandler>().RecordAsync(manager, new GrantTermsForm(funderId, "IDVA casework fund", "ECT-9",
            30_000m, true, today.AddMonths(-6), today.AddMonths(6), [CaseService.Idva], null, manager.Member.Id, null), default);
        return await App.Services.GetRequiredService<GrantPlanning>().SetDeadlineAsync(manager,
            new SetReportingDeadline(id, null, "Half-year return", today.AddMonths(-6), today, today.AddDays(20)), default);
    }

    [Fact]
    public async Task A_manager_builds_a_return_drills_into_a_figure_and_downloads_the_same_numbers_as_xlsx_and_pdf()
    {
        var grant = await FundedGrantAsync();
        var page = await SignInAsync("Grace Okoro");

        await GoToAsync(page, $"/grants/{grant.Id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Build a return" }).ClickAsync();
        await page.Locator("#return-period").WaitForAsync();
        await page.Locator("#build-return").ClickAsync();
        var clients = page.Locator("#section-clients");
        await clients.WaitForAsync();
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "return");

        // Six clients: the total is shown, and behind it are six case references, no names.
        var total = clients.Locator("tr.total td").First;
        Assert.Equal("6", (await total.InnerTextAsync()).Trim());
        await total.Locator("button").ClickAsync();
        var drill = page.Locator("#drill-down");
        await drill.WaitForAsync();
        Assert.Equal(6, await drill.Locator("li").CountAsync());
        Assert.All(await drill.Locator("li").AllInnerTextsAsync(), r => Assert.Matches(@"^RWA-\d{6} IDVA$", r.Trim()));
        Assert.DoesNotContain("Testclient", await page.ContentAsync());
        await ScreenshotAsync(page, "drill-down");

        // The spreadsheet and the PDF carry the same figure.
        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-xlsx").ClickAsync());
        Assert.EndsWith(".xlsx", xlsx.SuggestedFilename);
        using (var workbook = new XLWorkbook(File.OpenRead(await xlsx.PathAsync())))
        {
            var sheet = workbook.Worksheets.Single(s => s.Name.StartsWith("Clients", StringComparison.Ordinal));
            var totalRow = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "Total");
            Assert.Equal("6", totalRow.Cell(2).GetValue<string>());
        }
        var pdf = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-pdf").ClickAsync());
        using (var document = PdfDocument.Open(await pdf.PathAsync()))
        {
            var text = string.Join("\n", document.GetPages().Select(p => p.Text));
            Assert.Contains("IDVA casework fund", text);
            Assert.Contains("Eastshire Community Trust", text);
            Assert.DoesNotContain("RWA-", text);
        }

        // The funder's template: leave out a section, and the return follows.
        await page.Locator("#return-template .template-include").Filter(new() { HasText = "Abuse types" }).Locator("input").UncheckAsync();
        await page.Locator("#save-template").ClickAsync();
        await page.Locator("#section-abuse-types").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "template-saved");
    }
}
