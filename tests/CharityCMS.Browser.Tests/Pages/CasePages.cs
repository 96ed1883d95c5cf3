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

    /// <summary>The message shown beside the select labelled <paramref name="label"/> (waits for it to appear).</summary>
    public static Task<string> SelectMessageAsync(this IPage page, string label) =>
        page.Locator(".mud-select").Filter(new() { Has = page.Locator("label", new() { HasTextString = label }) })
            .Locator(".mud-input-helper-text.mud-input-error").First.InnerTextAsync();
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

    /// <summary>The safety plan action's rows: the action, its review history and, while reviewing, the review form.</summary>
    public ILocator SafetyAction(string action) => page.Locator("#safety-plan tbody.safety-action").Filter(new() { HasTextString = action });

    public async Task StartReviewAsync(string action, string status, string note)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Review {action}" }).ClickAsync();
        await page.SelectAsync("Status", status);
        await page.GetByLabel("Review note").FillAsync(note);
    }

    public Task SaveReviewAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Save review" }).ClickAsync();

    /// <summary>Opens the action's review history and returns its entries, newest first.</summary>
    public async Task<IReadOnlyList<string>> ReviewHistoryAsync(string action)
    {
        var history = SafetyAction(action).Locator("details.review-history");
        if (await history.GetAttributeAsync("open") is null) await history.Locator("summary").ClickAsync();
        return await history.Locator("li").AllInnerTextsAsync();
    }

    public Task LoadTheLatestAsync(string refusalId) => page.Locator($"#{refusalId}").GetByRole(AriaRole.Button, new() { Name = "Load the latest" }).ClickAsync();

    public async Task MakeOnwardReferralAsync(string organisation)
    {
        await TabAsync("Onward referrals");
        await page.GetByLabel("Organisation", new() { Exact = true }).FillAsync(organisation);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the referral" }).ClickAsync();
        await OnwardReferral(organisation).WaitForAsync();
    }

    public ILocator OnwardReferral(string organisation) => page.Locator("#onward-referrals tbody.onward-referral").Filter(new() { HasTextString = organisation });

    public async Task ChangeOnwardReferralStatusAsync(string organisation, string status, string note)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Change status of the referral to {organisation}" }).ClickAsync();
        await page.SelectAsync("New status", status);
        await page.GetByLabel("Status note (optional)").FillAsync(note);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save status" }).ClickAsync();
    }

    /// <summary>Opens the referral's status history and returns its entries, newest first.</summary>
    public async Task<IReadOnlyList<string>> StatusHistoryAsync(string organisation)
    {
        var history = OnwardReferral(organisation).Locator("details.review-history");
        await history.WaitForAsync();
        if (await history.GetAttributeAsync("open") is null) await history.Locator("summary").ClickAsync();
        return await history.Locator("li").AllInnerTextsAsync();
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
