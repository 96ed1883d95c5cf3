using CharityCMS.Browser.Tests.Pages;
using CharityCMS.Demo;
using CharityCMS.Donations;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CharityCMS.Browser.Tests;

/// <summary>The demo app with Riverside's Stripe account (test mode) on the local Stripe stand-in, and its 16 days campaign.</summary>
public sealed class GivingBrowserApp : BrowserApp
{
    public StripeStandIn Stripe { get; private set; } = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Stripe:ApiBase"] = Stripe.ApiBase.ToString() };

    public override async Task InitializeAsync()
    {
        Stripe = await StripeStandIn.StartAsync();
        await base.InitializeAsync();
        await using var session = Store.QuerySession();
        var admin = await session.Query<Member>().FirstAsync(m => m.WorkspaceId == DemoStaff.Riverside && m.Roles.Contains(WorkspaceRole.WorkspaceAdmin));
        var access = new WorkspaceAccess(DemoStaff.Riverside, DemoStaff.Riverside, admin.AsStaff(), admin.Roles.ToHashSet());
        await Stripe.ConnectAsync(Services, BaseAddress, access);
        await Services.GetRequiredService<Campaigns>().SaveAsync(access,
            new Campaign("16-days", "16 days of activism", 5000m, new DateOnly(2026, 11, 25), new DateOnly(2026, 12, 10)), isNew: true, default);
    }

    public async Task<(int Donations, int Donors, int Declarations, int Gifts, int Events)> RecordsAsync()
    {
        await using var session = Store.QuerySession(DemoStaff.Riverside);
        var donors = await session.Query<Donor>().ToListAsync();
        return (await session.Query<Donation>().CountAsync(), donors.Count, donors.Sum(d => d.Declarations.Count),
            await session.Query<RecurringGift>().CountAsync(), await session.Query<StripeEventRecord>().CountAsync());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Stripe.DisposeAsync();
    }
}

public class GivingTests(Chromium chromium, GivingBrowserApp app) : BrowserTest(chromium, app), IClassFixture<GivingBrowserApp>
{
    [Fact]
    public async Task A_donor_gives_monthly_with_Gift_Aid_and_only_the_signed_webhooks_record_it_once()
    {
        // She opens the campaign's donation page on her phone, without signing in.
        var donor = await NewWindowAsync(390, 844);
        var form = new DonationFormPage(donor);
        await form.OpenAsync(DemoStaff.Riverside, "16-days");
        Assert.Equal(1, await donor.Locator("[data-quick-exit]").CountAsync());
        Assert.Equal(1, await donor.Locator("#test-mode").CountAsync());
        Assert.Contains("16 days of activism", await donor.Locator("#campaign-title").InnerTextAsync());
        await AssertAccessibleAsync(donor);
        await ScreenshotAsync(donor, "donate");

        // A postcode that is not one is refused kindly, and nothing goes to Stripe.
        await form.ChooseAsync("Monthly");
        await form.ChooseAsync("Other");
        await form.FillAsync("Or another amount in pounds", "15");
        await form.TickAsync("Yes, add Gift Aid to my gift");
        await form.FillAsync("First name", "Grace");
        await form.FillAsync("Last name", "Giver");
        await form.FillAsync("House name or number", "12");
        await form.FillAsync("Street, town or city", "Orchard Lane, Leeds");
        await form.FillAsync("Postcode", "LS1 4");
        await form.TickStatementAsync();
        await form.GiveAsync();
        await donor.Locator("#form-errors").WaitForAsync();
        Assert.Contains(await form.ErrorsAsync(), e => e.EndsWith("Enter a UK postcode, like SW1A 1AA.", StringComparison.Ordinal));
        Assert.Empty(app.Stripe.Sessions);
        Assert.True(await form.IsChosenAsync("Monthly"));
        await AssertAccessibleAsync(donor);
        await ScreenshotAsync(donor, "donate-refused");

        await form.FillAsync("Postcode", "ls14ap");
        await form.TickStatementAsync();
        await form.FillAsync("Your email address", "grace@example.org");
        await ScreenshotAsync(donor, "donate-filled");
        await form.GiveAsync();

        // Stripe's page (the stand-in) takes the payment and sends the signed webhooks.
        await donor.WaitForURLAsync($"{app.Stripe.ApiBase}pay/**");
        var checkout = new StandInCheckoutPage(donor);
        Assert.Equal("£15.00 a month", await checkout.AmountAsync());
        await ScreenshotAsync(donor, "stripe-checkout");
        await checkout.PayAsync();

        await donor.WaitForURLAsync($"**/donate/{DemoStaff.Riverside}/thanks");
        Assert.DoesNotContain("Grace", await donor.ContentAsync());
        await AssertAccessibleAsync(donor);
        await ScreenshotAsync(donor, "thanks");

        Assert.Equal(["checkout.session.completed", "invoice.paid"], app.Stripe.Webhooks.Select(w => w.Type));
        Assert.All(app.Stripe.Webhooks, w => Assert.Equal(System.Net.HttpStatusCode.OK, w.Answer));
        Assert.Equal((1, 1, 1, 1, 2), await app.RecordsAsync());
        await using (var session = app.Store.QuerySession(DemoStaff.Riverside))
        {
            var donation = await session.Query<Donation>().SingleAsync();
            Assert.Equal((1500L, DonationKind.Monthly, "16-days"), (donation.AmountPence, donation.Kind, donation.Campaign));
            var declaration = (await session.Query<Donor>().SingleAsync()).Declarations.Single();
            Assert.Equal(new GiftAidDeclarant(null, "Grace", "Giver", "12", "Orchard Lane, Leeds", "LS1 4AP"), declaration.Declarant);
            Assert.Equal(DeclarationMethod.Online, declaration.Method);
        }

        // Stripe delivers both again: they are answered 200 and change nothing.
        foreach (var webhook in app.Stripe.Webhooks.ToList())
            Assert.Equal(System.Net.HttpStatusCode.OK, await app.Stripe.ResendAsync(webhook));
        Assert.Equal((1, 1, 1, 1, 2), await app.RecordsAsync());

        // Coming back to the thanks page by hand records nothing either.
        await donor.ReloadAsync();
        Assert.Equal((1, 1, 1, 1, 2), await app.RecordsAsync());

        // The fundraiser sees the gift on her dashboard, and it goes into a Gift Aid claim and its schedule.
        var fundraiser = await SignInAsync("Ellie Turner");
        await GoToAsync(fundraiser, "/fundraising");
        await Assertions.Expect(fundraiser.Locator("#monthly-given")).ToContainTextAsync("£15");
        await Assertions.Expect(fundraiser.Locator("#monthly-recurring")).ToContainTextAsync("£15 a month");
        await Assertions.Expect(fundraiser.Locator("#gift-aid-claimable")).ToHaveTextAsync("£3.75");
        await Assertions.Expect(fundraiser.Locator("#by-campaign-table")).ToContainTextAsync("16 days of activism");
        await ScreenshotAsync(fundraiser, "fundraising-dashboard");
        await GoToAsync(fundraiser, "/giftaid/claims/new");
        await fundraiser.Locator("#eligible-gifts").GetByText("Grace Giver").WaitForAsync();
        await fundraiser.Locator("#draft-claim").ClickAsync();
        await fundraiser.Locator("#schedule").WaitForAsync();
        var row = Assert.Single(await fundraiser.Locator("#schedule tbody tr").AllInnerTextsAsync());
        Assert.Matches(@"^Grace\s+Giver\s+12\s+LS1 4AP\s+\d{2}/\d{2}/\d{2}\s+15\.00$", row.Trim());
        var csv = await fundraiser.RunAndWaitForDownloadAsync(() => fundraiser.Locator("#download-csv").ClickAsync());
        var lines = System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(await csv.PathAsync())).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains(",Grace,Giver,12,LS1 4AP,") && l.EndsWith(",15.00"));
        await ScreenshotAsync(fundraiser, "giftaid-claim-with-the-gift");
    }

    [Fact]
    public async Task A_donor_who_leaves_Stripes_page_sees_that_nothing_was_taken()
    {
        var donor = await NewWindowAsync(390, 844);
        var form = new DonationFormPage(donor);
        await form.OpenAsync(DemoStaff.Riverside);
        await form.ChooseAsync("£25");
        await form.GiveAsync();
        await donor.WaitForURLAsync($"{app.Stripe.ApiBase}pay/**");
        Assert.Equal("£25.00 once", await new StandInCheckoutPage(donor).AmountAsync());

        await donor.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Back to the charity" }).ClickAsync();

        await donor.WaitForURLAsync($"**/donate/{DemoStaff.Riverside}/cancelled");
        Assert.Contains("Nothing has been taken from your card.", await donor.ContentAsync());
        await AssertAccessibleAsync(donor);
        await ScreenshotAsync(donor, "cancelled");
    }
}
