using Microsoft.Playwright;

namespace CharityCMS.Browser.Tests.Pages;

/// <summary>The public donation page: plain HTML, driven by its labels.</summary>
public sealed class DonationFormPage(IPage page)
{
    public Task OpenAsync(string slug, string? campaign = null) => page.GotoAsync(campaign is null ? $"/donate/{slug}" : $"/donate/{slug}?campaign={campaign}");

    public Task FillAsync(string label, string value) => page.GetByLabel(label, new() { Exact = true }).FillAsync(value);

    public Task TickAsync(string label) => page.GetByLabel(label, new() { Exact = true }).CheckAsync();

    /// <summary>Amounts and frequency are radio buttons drawn as buttons: she taps the label.</summary>
    public Task ChooseAsync(string label) => page.Locator("fieldset label", new() { HasTextString = label }).First.ClickAsync();

    public Task<bool> IsChosenAsync(string label) => page.GetByLabel(label, new() { Exact = true }).IsCheckedAsync();

    public Task TickStatementAsync() => page.Locator("#dn-taxpayerstatement").CheckAsync();

    public Task GiveAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Continue to payment" }).ClickAsync();

    public Task<IReadOnlyList<string>> ErrorsAsync() => page.Locator(".field-error").AllInnerTextsAsync();

    /// <summary>The preset amounts offered, as the buttons read ("£5").</summary>
    public async Task<IReadOnlyList<string>> PresetsAsync() =>
        (await page.Locator(".presets label").AllInnerTextsAsync()).Select(l => l.Trim()).Where(l => l != "Other").ToList();
}

/// <summary>The Stripe stand-in's hosted checkout page.</summary>
public sealed class StandInCheckoutPage(IPage page)
{
    public Task<string> AmountAsync() => page.Locator("#amount").InnerTextAsync();

    public Task PayAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Pay" }).ClickAsync();
}

/// <summary>
/// The fundraising settings forms (campaigns, donation settings, Stripe) as staff fill them in: MudBlazor
/// fields found by their labels, and the message each shows beside itself.
/// </summary>
public sealed class FundraisingSettingsPage(IPage page)
{
    public Task FillAsync(string label, string value) => page.GetByLabel(label, new() { Exact = true }).FillAsync(value);

    /// <summary>A date field is the browser's own date input: it takes yyyy-MM-dd, whatever it shows.</summary>
    public async Task FillDateAsync(string label, DateOnly date)
    {
        var field = page.GetByLabel(label, new() { Exact = true });
        await field.FillAsync(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await field.PressAsync("Tab");
    }

    /// <summary>The field itself, for Playwright's waiting assertions: the page fills it in after it goes live.</summary>
    public ILocator Field(string label) => page.GetByLabel(label, new() { Exact = true });

    public Task SaveAsync(string button) => page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();

    /// <summary>The message under the field labelled <paramref name="label"/>; assert on it with Playwright's Expect, which waits for the page to answer.</summary>
    public ILocator MessageFor(string label) =>
        page.Locator(".mud-input-control").Filter(new() { Has = page.GetByLabel(label, new() { Exact = true }) })
            .Locator(".mud-input-helper-text.mud-input-error");

    /// <summary>The labels of the fields showing a message: a refusal should show beside its own field only.</summary>
    public async Task<IReadOnlyList<string>> FieldsWithMessagesAsync() =>
        (await page.Locator(".mud-input-control:has(.mud-input-helper-text.mud-input-error) label").AllInnerTextsAsync()).Select(l => l.Trim()).ToList();

    /// <summary>Waits for the snackbar that says the form was saved.</summary>
    public Task SavedAsync(string message) => page.Locator(".mud-snackbar").GetByText(message).WaitForAsync();

    public Task<IReadOnlyList<string>> CampaignRowsAsync() => page.Locator("#campaign-list tbody tr").AllInnerTextsAsync();

    public Task ChangeCampaignAsync(string title) => page.GetByRole(AriaRole.Button, new() { Name = $"Change {title}", Exact = true }).ClickAsync();
}
