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
}

/// <summary>The Stripe stand-in's hosted checkout page.</summary>
public sealed class StandInCheckoutPage(IPage page)
{
    public Task<string> AmountAsync() => page.Locator("#amount").InnerTextAsync();

    public Task PayAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Pay" }).ClickAsync();
}
