using Microsoft.Playwright;

namespace CharityCMS.Browser.Tests.Pages;

/// <summary>MudBlazor's controls as a person uses them: by their labels.</summary>
public static class MudControls
{
    /// <summary>Opens the select labelled <paramref name="label"/> and picks the option that reads <paramref name="option"/>.</summary>
    public static async Task SelectAsync(this IPage page, string label, string option)
    {
        await page.Locator(".mud-select").Filter(new() { Has = page.Locator("label", new() { HasTextString = label }) }).First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^\\s*{System.Text.RegularExpressions.Regex.Escape(option)}\\s*$") }).First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").First.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }
}

/// <summary>A case page: its tabs and the forms in them.</summary>
public sealed class CasePage(IPage page)
{
    public Task WhenOpenAsync() => page.Locator("#case-status").WaitForAsync();

    public Task TabAsync(string name) => page.GetByRole(AriaRole.Tab, new() { Name = name }).ClickAsync();

    public async Task LogContactAsync(string method, string note, bool reached = true)
    {
        await page.SelectAsync("How", method);
        if (!reached) await page.GetByLabel("I reached her").UncheckAsync();
        await page.GetByLabel("Note", new() { Exact = true }).FillAsync(note);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save contact" }).ClickAsync();
    }

    public Task<string> RefusalAsync(string id) => page.Locator($"#{id}").InnerTextAsync();

    public ILocator ContactLog => page.Locator("#contact-log");

    public async Task AddSafetyActionAsync(string action, string owner)
    {
        await TabAsync("Safety plan");
        await page.GetByLabel("Action", new() { Exact = true }).FillAsync(action);
        await page.GetByLabel("Owner", new() { Exact = true }).FillAsync(owner);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to the plan" }).ClickAsync();
        await page.Locator("#safety-plan").GetByText(action).WaitForAsync();
    }

    public async Task RecordIncidentAsync(string summary)
    {
        await TabAsync("Incidents");
        await page.GetByLabel("Reported to the police").CheckAsync();
        await page.GetByLabel("What happened").FillAsync(summary);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record incident" }).ClickAsync();
        await page.Locator(".incident-list").GetByText(summary).WaitForAsync();
    }
}

/// <summary>My caseload: the table of her open cases, its filter, its sorting and "Overdue only".</summary>
public sealed class MyCaseloadPage(IPage page)
{
    private ILocator Table => page.Locator("#my-caseload");

    /// <summary>The client column of the rows shown, top to bottom.</summary>
    public ILocator ClientNames => Table.Locator("tbody td[data-label='Client'] a");

    public Task FilterAsync(string text) => page.GetByLabel("Filter the caseload").FillAsync(text);

    public Task SortByAsync(string column) => Table.Locator("thead").GetByText(column, new() { Exact = true }).ClickAsync();

    public Task OverdueOnlyAsync() => page.GetByLabel("Overdue only").CheckAsync();
}
