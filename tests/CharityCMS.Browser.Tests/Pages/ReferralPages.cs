using Microsoft.Playwright;

namespace CharityCMS.Browser.Tests.Pages;

/// <summary>The public self-referral form: plain HTML, driven by its labels.</summary>
public sealed class SelfReferralFormPage(IPage page)
{
    public Task OpenAsync(string slug) => page.GotoAsync($"/refer/{slug}");

    public Task FillAsync(string label, string value) => page.GetByLabel(label, new() { Exact = true }).FillAsync(value);

    public Task TickAsync(string label) => page.GetByLabel(label, new() { Exact = true }).CheckAsync();

    public Task SendAsync() => page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Send to ") }).ClickAsync();

    public Task<IReadOnlyList<string>> ErrorsAsync() => page.Locator(".field-error").AllInnerTextsAsync();
}

/// <summary>The triage queue.</summary>
public sealed class ReferralQueuePage(IPage page)
{
    public async Task<IReadOnlyList<string>> WaitingNamesAsync()
    {
        await page.Locator("#waiting-referrals").WaitForAsync();
        return await page.Locator("#waiting-referrals td[data-label='Name']").AllInnerTextsAsync();
    }

    /// <summary>The names waiting, read once the queue has loaded, empty when nothing waits.</summary>
    public async Task<IReadOnlyList<string>> WaitingNamesOrNoneAsync()
    {
        await page.Locator("#referral-counts").WaitForAsync();
        return await page.Locator("#waiting-referrals td[data-label='Name']").AllInnerTextsAsync();
    }

    public async Task OpenAsync(string name)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).First.ClickAsync();
        await page.Locator("#first-contact").WaitForAsync();
    }
}

/// <summary>One referral: triage and first contact.</summary>
public sealed class ReferralDetailPage(IPage page)
{
    public Task<string> StatusAsync() => page.Locator("#referral-status").InnerTextAsync();

    public Task<string> SafeContactAsync() => page.Locator("#safe-contact").InnerTextAsync();

    public async Task ChooseAsync(string selectLabel, string option)
    {
        await page.GetByLabel(selectLabel, new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option).First.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
    }

    public async Task AcceptIntoNewClientAsync(string service, string worker)
    {
        await page.GetByLabel("Register her as a new client").CheckAsync();
        await ChooseAsync("Open a case under", service);
        await ChooseAsync("Allocate to", worker);
        await page.Locator("#accept-referral").ClickAsync();
        await page.Locator("#referral-status", new() { HasText = "Accepted by" }).WaitForAsync();
    }

    /// <summary>Chooses who she is among the suggested clients, by the choice's words.</summary>
    public Task ChooseClientAsync(string choice) => page.GetByLabel(choice, new() { Exact = true }).CheckAsync();

    public Task AcceptAsync() => page.Locator("#accept-referral").ClickAsync();

    public async Task<string> TriageRefusalAsync()
    {
        await page.Locator("#triage-refused").WaitForAsync();
        return await page.Locator("#triage-refused").InnerTextAsync();
    }

    public async Task SignpostAsync(string organisation, string note)
    {
        var triage = page.Locator("#triage");
        await triage.GetByLabel("Signpost elsewhere", new() { Exact = true }).CheckAsync();
        await triage.GetByLabel("Signposted to (organisation)", new() { Exact = true }).FillAsync(organisation);
        await triage.GetByLabel("Note (optional)", new() { Exact = true }).FillAsync(note);
        await page.Locator("#signpost-referral").ClickAsync();
        await page.Locator("#referral-status", new() { HasText = "Signposted to" }).WaitForAsync();
    }

    public async Task LogAttemptAsync(string method, string? number, bool reached, string note)
    {
        await ChooseAsync("How", method);
        if (number is not null) await ChooseAsync("Which number", number);
        if (reached) await page.GetByLabel("She was reached", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Note (optional)", new() { Exact = true }).FillAsync(note);
        await page.Locator("#log-attempt").ClickAsync();
    }

    public Task<string> RefusalAsync() => page.Locator("#attempt-refused").InnerTextAsync();

    public Task<IReadOnlyList<string>> AttemptsAsync() => page.Locator("#contact-attempts li").AllInnerTextsAsync();

    public Task<string> TimeToFirstContactAsync() => page.Locator("#time-to-first-contact").InnerTextAsync();
}
