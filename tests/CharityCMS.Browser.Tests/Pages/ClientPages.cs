using Microsoft.Playwright;

namespace CharityCMS.Browser.Tests.Pages;

/// <summary>The client list, as a caseworker uses it: search, then open a name.</summary>
public sealed class ClientListPage(IPage page)
{
    public async Task SearchAsync(string term)
    {
        await page.GetByLabel("Search by name, reference or phone number").FillAsync(term);
        await page.WaitForFunctionAsync("() => !document.querySelector('.mud-table-loading')");
    }

    public async Task<IReadOnlyList<string>> NamesAsync()
    {
        await page.Locator(".client-row").First.WaitForAsync();
        return await page.Locator(".client-row td[data-label='Name'] a").AllInnerTextsAsync();
    }

    public async Task OpenClientAsync(string name)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await page.Locator("#safe-contact").WaitForAsync();
    }
}

/// <summary>The client form, for registration and edits alike, driven by its labels.</summary>
public sealed class ClientFormPage(IPage page)
{
    public Task FillAsync(string label, string value) => page.GetByLabel(label, new() { Exact = true }).FillAsync(value);

    public async Task FillDateOfBirthAsync(string ddMMyyyy)
    {
        var field = page.GetByLabel("Date of birth", new() { Exact = true });
        await field.FillAsync(ddMMyyyy);
        await field.PressAsync("Tab");
    }

    public Task TickAsync(string label) => page.GetByLabel(label, new() { Exact = true }).First.CheckAsync();

    public Task SaveAsync(string buttonText) => page.GetByRole(AriaRole.Button, new() { Name = buttonText }).ClickAsync();

    /// <summary>The message shown under a field, or "" when it has none.</summary>
    public async Task<string> MessageForAsync(string label)
    {
        var control = page.Locator(".mud-input-control").Filter(new() { Has = page.GetByLabel(label, new() { Exact = true }) });
        var helper = control.Locator(".mud-input-helper-text.mud-input-error");
        return await helper.CountAsync() == 0 ? "" : await helper.InnerTextAsync();
    }

    public Task<string> ValueOfAsync(string label) => page.GetByLabel(label, new() { Exact = true }).InputValueAsync();
}

/// <summary>A client's record page.</summary>
public sealed class ClientRecordPage(IPage page)
{
    public Task WhenOpenAsync() => page.Locator("#safe-contact").WaitForAsync();

    public Task<string> TitleAsync() => page.Locator("h1").InnerTextAsync();

    public Task<IReadOnlyList<string>> HistoryAsync() => page.Locator("#record-history li").AllInnerTextsAsync();

    public async Task<IReadOnlyList<string>> ViewersAsync()
    {
        await page.Locator("#record-views").WaitForAsync();
        return await page.Locator("#record-views tbody td:first-child").AllInnerTextsAsync();
    }

    public async Task EditAsync()
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit details" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).WaitForAsync();
    }
}

/// <summary>The app bar: the workspace switcher and the account menu.</summary>
public sealed class AppBar(IPage page)
{
    public async Task<string> WorkspaceAsync() => (await page.Locator(".workspace-switcher button, .workspace-name").First.TextContentAsync())!.Trim();

    public async Task SwitchToAsync(string workspace)
    {
        await page.Locator(".workspace-switcher button").First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = workspace }).ClickAsync();
        await page.Locator("#interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    public async Task SignOutAsync()
    {
        await page.Locator(".user-menu button").First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "You are signed out" }).WaitForAsync();
    }
}
