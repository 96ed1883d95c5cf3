using Microsoft.Playwright;

namespace CharityCMS.Browser.Tests.Pages;

/// <summary>The funding screens as a manager uses them: funders, the grant form, and the grant page's tabs.</summary>
public sealed class GrantPages(IPage page)
{
    public Task FillAsync(string label, string value) => page.GetByLabel(label, new() { Exact = true }).FillAsync(value);

    public async Task FillDateAsync(string label, string ddMMyyyy)
    {
        var field = page.GetByLabel(label, new() { Exact = true });
        await field.FillAsync(ddMMyyyy);
        await field.PressAsync("Tab");
    }

    public async Task AddFunderAsync(string name, string contact)
    {
        await page.Locator("#add-funder").ClickAsync();
        await FillAsync("Funder's name", name);
        await FillAsync("Contact's name (optional)", contact);
        await page.Locator("#save-funder").ClickAsync();
        await page.Locator("#funder-list").GetByText(name).WaitForAsync();
    }

    public Task<string> ErrorsAsync() => page.Locator("#form-errors").InnerTextAsync();

    public Task TabAsync(string name) => page.GetByRole(AriaRole.Tab, new() { Name = name }).ClickAsync();

    public async Task AddReturnAsync(string title, string from, string to, string due)
    {
        await FillAsync("What the funder expects", title);
        await FillDateAsync("Period from", from);
        await FillDateAsync("Period to", to);
        await FillDateAsync("Due on", due);
        await page.Locator("#save-deadline").ClickAsync();
        await page.Locator("#deadline-list").GetByText(title).WaitForAsync();
    }

    public async Task AddKpiAsync(string label, string counts, string target)
    {
        await TabAsync("KPIs");
        await FillAsync("KPI, as the funder words it", label);
        await page.SelectAsync("What it counts", counts);
        // "Target" or "Target (%)", as the measure chosen above counts people or a share of them.
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^Target")).FillAsync(target);
        await page.Locator("#save-kpi").ClickAsync();
        await page.Locator("#kpi-list").GetByText(label).WaitForAsync();
    }

    public async Task AddInstalmentAsync(string expected, string amount)
    {
        await TabAsync("Money");
        await FillDateAsync("Expected on", expected);
        await FillAsync("Amount (£)", amount);
        await page.Locator("#save-instalment").ClickAsync();
        await page.Locator("#instalment-list").WaitForAsync();
    }

    public Task<IReadOnlyList<string>> HistoryAsync() => page.Locator("#grant-history li").AllInnerTextsAsync();

    /// <summary>Attaches a file on the Documents tab, as the kind named; the caller checks what came of it.</summary>
    public async Task ChooseDocumentAsync(string kind, string name, byte[] content)
    {
        await TabAsync("Documents");
        await page.SelectAsync("What the document is", kind);
        // The browser's type is set wrong on purpose: only the content counts.
        await page.Locator("#attach-document input[type=file]").First.SetInputFilesAsync(new FilePayload { Name = name, MimeType = "application/pdf", Buffer = content });
    }

    public async Task AttachDocumentAsync(string kind, string name, byte[] content)
    {
        await ChooseDocumentAsync(kind, name, content);
        await Document(name).WaitForAsync();
    }

    public ILocator Document(string name) => page.Locator("#document-list").GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public async Task MarkSentAsync(string returnTitle, string fileSent)
    {
        await TabAsync("Deadlines");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Mark sent: {returnTitle}" }).ClickAsync();
        await page.SelectAsync("The file sent", fileSent);
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as sent" }).ClickAsync();
        await page.Locator("#deadline-list").GetByRole(AriaRole.Link, new() { Name = fileSent }).WaitForAsync();
    }
}
