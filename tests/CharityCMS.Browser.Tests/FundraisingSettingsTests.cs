using CharityCMS.Browser.Tests.Pages;
using CharityCMS.Demo;
using CharityCMS.Donations;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CharityCMS.Browser.Tests;

/// <summary>
/// Staff fill in the forms that set up giving, and the public donation page follows. Riverside's Stripe
/// is connected in the fixture (this class's own app); the Stripe test connects Northgate, which
/// nothing else here uses, so the tests do not depend on their order.
/// </summary>
public class FundraisingSettingsTests(Chromium chromium, GivingBrowserApp app) : BrowserTest(chromium, app), IClassFixture<GivingBrowserApp>
{
    private const string CampaignTitle = "Title";
    private const string WebName = "Web name, as in /donate/...?campaign=16-days";
    private const string Target = "Target in pounds";
    private const string Minimum = "Smallest gift";
    private const string Maximum = "Largest gift";
    private const string Presets = "Amounts offered, separated by commas";
    private const string SecretKey = "Secret key (sk_test_... or sk_live_...)";
    private const string WebhookSecret = "Webhook signing secret (whsec_...)";

    private async Task<IReadOnlyList<string>> CampaignIdsAsync(string workspace)
    {
        await using var session = App.Store.QuerySession(workspace);
        return await session.Query<Campaign>().Select(c => c.Id).ToListAsync();
    }

    private async Task<DonationSettings?> SavedSettingsAsync(string workspace)
    {
        await using var session = App.Store.QuerySession(workspace);
        return await session.LoadAsync<DonationSettings>(DonationSettings.DocumentId);
    }

    [Fact]
    public async Task A_fundraiser_adds_and_changes_a_campaign_and_the_donation_page_shows_it()
    {
        var page = await SignInAsync("Ellie Turner");
        var form = new FundraisingSettingsPage(page);
        await GoToAsync(page, "/campaigns");
        await page.Locator("#campaign-list").WaitForAsync();
        var before = await CampaignIdsAsync(DemoStaff.Riverside);

        // A web name already taken is refused beside the web name, and nothing is saved.
        await form.FillAsync(CampaignTitle, "Winter appeal");
        await form.FillAsync(WebName, "16-days");
        await form.FillAsync(Target, "2,500");
        await form.FillDateAsync("Starts on", new DateOnly(2026, 12, 1));
        await form.FillDateAsync("Ends on", new DateOnly(2027, 1, 31));
        await form.SaveAsync("Add campaign");
        await Assertions.Expect(form.MessageFor(WebName)).ToHaveTextAsync("Another campaign already has that web name.");
        Assert.Equal([WebName], await form.FieldsWithMessagesAsync());

        // A web name that cannot go in an address is refused beside it.
        await form.FillAsync(WebName, "Winter Appeal!");
        await form.SaveAsync("Add campaign");
        await Assertions.Expect(form.MessageFor(WebName)).ToHaveTextAsync("Use lower-case letters, numbers and single hyphens in the web name, like 16-days.");
        Assert.Equal([WebName], await form.FieldsWithMessagesAsync());

        // A negative or non-numeric target is refused beside the target, and only there.
        await form.FillAsync(WebName, "winter-appeal");
        foreach (var target in new[] { "-500", "lots", "12.345" })
        {
            await form.FillAsync(Target, target);
            await form.SaveAsync("Add campaign");
            await Assertions.Expect(form.MessageFor(Target)).ToHaveTextAsync("Enter the target as pounds, like 5000 or 5,000.50.");
            Assert.Equal([Target], await form.FieldsWithMessagesAsync());
        }

        // Ending before it starts is refused beside the end date.
        await form.FillAsync(Target, "2,500");
        await form.FillDateAsync("Ends on", new DateOnly(2026, 11, 30));
        await form.SaveAsync("Add campaign");
        await Assertions.Expect(form.MessageFor("Ends on")).ToHaveTextAsync("The campaign cannot end before it starts.");
        Assert.Equal(["Ends on"], await form.FieldsWithMessagesAsync());
        Assert.Equal(before, await CampaignIdsAsync(DemoStaff.Riverside));
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "campaign-refused");

        await form.FillDateAsync("Ends on", new DateOnly(2027, 1, 31));
        await form.SaveAsync("Add campaign");
        await form.SavedAsync("Campaign added.");
        Assert.Contains(await form.CampaignRowsAsync(), r => r.Contains("Winter appeal") && r.Contains("winter-appeal") && r.Contains("£2,500") && r.Contains("1 Dec 2026 to 31 Jan 2027"));
        Assert.Empty(await form.FieldsWithMessagesAsync());
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "campaign-added");

        // She changes it: the web name stays, a bad target is still refused, a good one is saved.
        await form.ChangeCampaignAsync("Winter appeal");
        await Assertions.Expect(form.Field(WebName)).ToHaveValueAsync("winter-appeal");
        await Assertions.Expect(form.Field(Target)).ToHaveValueAsync("2500");
        await form.FillAsync(CampaignTitle, "Winter appeal for the refuge");
        await form.FillAsync(Target, "0");
        await form.SaveAsync("Save changes");
        await Assertions.Expect(form.MessageFor(Target)).ToHaveTextAsync("Give a target above £0.");
        await form.FillAsync(Target, "3000.50");
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "campaign-changing");
        await form.SaveAsync("Save changes");
        await form.SavedAsync("Campaign saved.");
        Assert.Contains(await form.CampaignRowsAsync(), r => r.Contains("Winter appeal for the refuge") && r.Contains("£3,000.50"));
        Assert.Equal(before.Append("winter-appeal").Order(), (await CampaignIdsAsync(DemoStaff.Riverside)).Order());

        // The public page for the campaign shows its title and target.
        var donor = await NewWindowAsync(390, 844);
        await new DonationFormPage(donor).OpenAsync(DemoStaff.Riverside, "winter-appeal");
        Assert.Equal("Winter appeal for the refuge", await donor.Locator("#campaign-title").InnerTextAsync());
        Assert.Equal("Our target: £3,000.50", await donor.Locator(".campaign-target").InnerTextAsync());
        await AssertAccessibleAsync(donor);
        await ScreenshotAsync(donor, "donate-winter-appeal");
    }

    [Fact]
    public async Task A_fundraiser_changes_the_amounts_and_the_donation_page_offers_and_enforces_them()
    {
        var page = await SignInAsync("Ellie Turner");
        var form = new FundraisingSettingsPage(page);
        await GoToAsync(page, "/settings/donations");
        await page.Locator("#donation-presets").WaitForAsync();
        var before = await SavedSettingsAsync(DemoStaff.Riverside);

        // Each kind of bad amount is refused beside the field it was typed in, and nothing is saved.
        // Amounts offered cannot sit between a minimum and a smaller maximum, so those are flagged too.
        await form.FillAsync(Minimum, "20");
        await form.FillAsync(Maximum, "10");
        await form.SaveAsync("Save settings");
        await Assertions.Expect(form.MessageFor(Maximum)).ToHaveTextAsync("The maximum must be more than the minimum.");
        Assert.Equal([Maximum, Presets], await form.FieldsWithMessagesAsync());
        foreach (var (min, max, presets, field, message) in new[]
        {
            ("two", "10000", "5, 10", Minimum, "Give the smallest gift in pounds, like 2 or 5.50."),
            ("2", "lots", "5, 10", Maximum, "Give the largest gift in pounds, like 10000."),
            ("2.555", "10000", "5, 10", Minimum, "Give the smallest gift in pounds, like 2 or 5.50."),
            ("2", "10000", "5, 12.555", Presets, "Give each amount offered in pounds, like 5 or 12.50."),
            ("2", "10000", "1, 10", Presets, "Each amount offered must be between the minimum and the maximum."),
        })
        {
            await form.FillAsync(Minimum, min);
            await form.FillAsync(Maximum, max);
            await form.FillAsync(Presets, presets);
            await form.SaveAsync("Save settings");
            await Assertions.Expect(form.MessageFor(field)).ToHaveTextAsync(message);
            Assert.Equal([field], await form.FieldsWithMessagesAsync());
        }
        Assert.Equal(before, await SavedSettingsAsync(DemoStaff.Riverside));
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "donation-settings-refused");

        await form.FillAsync(Minimum, "7.50");
        await form.FillAsync(Maximum, "2,000");
        await form.FillAsync(Presets, "100, 15, 30");
        await form.SaveAsync("Save settings");
        await form.SavedAsync("Settings saved.");
        Assert.Empty(await form.FieldsWithMessagesAsync());
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "donation-settings-saved");
        await GoToAsync(page, "/settings/donations");
        await Assertions.Expect(form.Field(Presets)).ToHaveValueAsync("15, 30, 100");

        // The donation page offers the new amounts and refuses less than the new minimum, sending nothing to Stripe.
        var donor = await NewWindowAsync(390, 844);
        var donation = new DonationFormPage(donor);
        await donation.OpenAsync(DemoStaff.Riverside);
        Assert.Equal(["£15", "£30", "£100"], await donation.PresetsAsync());
        Assert.Contains("From £7.50 to £2,000.", await donor.Locator(".donate").InnerTextAsync());
        var sessions = app.Stripe.Sessions.Count;
        await donation.ChooseAsync("Other");
        await donation.FillAsync("Or another amount in pounds", "7.49");
        await donation.GiveAsync();
        await donor.Locator("#form-errors").WaitForAsync();
        Assert.Contains(await donation.ErrorsAsync(), e => e.EndsWith("The smallest gift we can take online is £7.50.", StringComparison.Ordinal));
        Assert.Equal(sessions, app.Stripe.Sessions.Count);
        await AssertAccessibleAsync(donor);
        await ScreenshotAsync(donor, "donate-below-the-new-minimum");
    }

    [Fact]
    public async Task An_admin_connects_Stripe_and_the_keys_are_never_shown_again()
    {
        const string key = "sk_test_51NorthgateSecretKey0123456789";
        const string signing = "whsec_NorthgateSigningSecret0123456789";
        var admin = await SignInAsync("Joanne Reid");
        var form = new FundraisingSettingsPage(admin);
        await GoToAsync(admin, "/settings/stripe");
        await Assertions.Expect(admin.Locator("#stripe-status")).ToContainTextAsync("Stripe is not connected");

        // Keys of the wrong shape are refused beside their fields, and nothing is stored.
        await form.FillAsync(SecretKey, "pk_test_51NorthgatePublishableKey");
        await form.FillAsync(WebhookSecret, "not-a-secret");
        await form.SaveAsync("Connect Stripe");
        await Assertions.Expect(form.MessageFor(SecretKey)).ToHaveTextAsync("That is not a Stripe secret key: it starts with sk_test_ or sk_live_ (or rk_ for a restricted key).");
        await Assertions.Expect(form.MessageFor(WebhookSecret)).ToHaveTextAsync("That is not a webhook signing secret: it starts with whsec_.");
        Assert.Null(await App.Services.GetRequiredService<StripeAccounts>().ConnectionAsync(DemoStaff.Northgate, default));
        await AssertAccessibleAsync(admin);
        await ScreenshotAsync(admin, "stripe-refused");

        await form.FillAsync(SecretKey, key);
        await form.FillAsync(WebhookSecret, signing);
        await form.SaveAsync("Connect Stripe");
        await form.SavedAsync("Stripe connected.");
        await Assertions.Expect(admin.Locator("#stripe-status")).ToContainTextAsync("Connected in test mode by Joanne Reid");
        Assert.Equal(1, await admin.Locator("#test-mode").CountAsync());
        await Assertions.Expect(form.Field(SecretKey)).ToHaveValueAsync("");
        await Assertions.Expect(form.Field(WebhookSecret)).ToHaveValueAsync("");
        Assert.Empty(await form.FieldsWithMessagesAsync());
        await AssertAccessibleAsync(admin);
        await ScreenshotAsync(admin, "stripe-connected");

        // Opened again, the page says how it is connected but never shows the keys.
        await GoToAsync(admin, "/settings/stripe");
        await Assertions.Expect(admin.Locator("#stripe-status")).ToContainTextAsync("Connected in test mode");
        var html = await admin.ContentAsync();
        Assert.DoesNotContain("NorthgateSecretKey", html);
        Assert.DoesNotContain("NorthgateSigningSecret", html);
        await Assertions.Expect(form.Field(SecretKey)).ToHaveValueAsync("");
        await Assertions.Expect(form.Field(WebhookSecret)).ToHaveValueAsync("");
        Assert.Equal(1, await admin.GetByRole(AriaRole.Button, new() { Name = "Replace the keys" }).CountAsync());
        await using (var session = App.Store.QuerySession(DemoStaff.Northgate))
        {
            var stored = await session.LoadAsync<StripeAccount>(StripeAccount.DocumentId);
            Assert.Equal(StripeMode.Test, stored!.Mode);
            Assert.DoesNotContain("Northgate", stored.ProtectedSecretKey + stored.ProtectedWebhookSecret);
        }

        // The fundraising pages, signed-in and public, now say test mode.
        var fundraiser = await SignInAsync("Megan Hughes");
        foreach (var path in new[] { "/campaigns", "/settings/donations", "/fundraising" })
        {
            await GoToAsync(fundraiser, path);
            await fundraiser.Locator("#test-mode").WaitForAsync();
        }
        await ScreenshotAsync(fundraiser, "fundraising-in-test-mode");
        var donor = await NewWindowAsync(390, 844);
        await new DonationFormPage(donor).OpenAsync(DemoStaff.Northgate);
        Assert.Equal(1, await donor.Locator("#test-mode").CountAsync());

        // A fundraiser cannot open the Stripe settings.
        // The page she is sent to is static: it has no live circuit to wait for.
        await fundraiser.GotoAsync("/settings/stripe");
        Assert.Contains("/access-denied", fundraiser.Url, StringComparison.Ordinal);
        await fundraiser.GetByRole(AriaRole.Heading, new() { Name = "You do not have access to that page" }).WaitForAsync();
        Assert.Equal(0, await fundraiser.Locator("#secret-key").CountAsync());
        await ScreenshotAsync(fundraiser, "fundraiser-refused-stripe");
    }
}
