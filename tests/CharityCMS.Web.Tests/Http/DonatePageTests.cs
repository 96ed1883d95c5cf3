using System.Net;
using CharityCMS.Donations;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CharityCMS.Web.Tests.Http;

/// <summary>A charity whose donation page is at /donate/{slug}, its Stripe account in test mode on the local stand-in.</summary>
public sealed class DonatePageApp : CharityApp
{
    public StripeStandIn Stripe { get; private set; } = null!;
    public TestWorkspace Workspace { get; private set; } = null!;
    public TestWorkspace Unconnected { get; private set; } = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Stripe:ApiBase"] = Stripe.ApiBase.ToString(),
        ["Donations:PermitLimit"] = "1000",
    };

    public override async Task InitializeAsync()
    {
        Stripe = await StripeStandIn.StartAsync();
        await base.InitializeAsync();
        Workspace = await WorkspaceAsync("dn-" + Guid.NewGuid().ToString("N")[..8], "DNT");
        Unconnected = await WorkspaceAsync("dn-" + Guid.NewGuid().ToString("N")[..8], "DNU");
        var admin = (await MemberAsync(Workspace, "Ada Admin", WorkspaceRole.WorkspaceAdmin)).Access;
        await Stripe.ConnectAsync(Services, BaseAddress, admin);
        await Services.GetRequiredService<Campaigns>().SaveAsync(admin,
            new Campaign("16-days", "16 days of activism", 5000m, new DateOnly(2026, 11, 25), new DateOnly(2026, 12, 10), "Against gender-based violence."), isNew: true, default);
    }

    public async Task<int> CheckoutCountAsync()
    {
        await using var session = Store.QuerySession(Workspace.Id);
        return await session.Query<DonationCheckout>().CountAsync();
    }

    /// <summary>Opens the page as a browser would, then posts the form with its antiforgery token and cookie.</summary>
    public async Task<HttpResponseMessage> GiveAsync(IDictionary<string, string> fields, string? slug = null)
    {
        var client = RawClient();
        var path = $"/donate/{slug ?? Workspace.Id}";
        using var page = await client.GetAsync(path);
        var form = new Dictionary<string, string>(fields)
        {
            ["_handler"] = "donation",
            ["__RequestVerificationToken"] = HttpExchange.AntiforgeryToken(await page.Content.ReadAsStringAsync()),
        };
        using var post = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        post.Headers.Add("Cookie", HttpExchange.CookiesFrom(page));
        return await client.SendAsync(post);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Stripe.DisposeAsync();
    }
}

public class DonatePageTests(DonatePageApp app) : IClassFixture<DonatePageApp>
{
    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task The_page_opens_without_sign_in_with_the_quick_exit_the_amounts_and_the_test_mode_banner()
    {
        using var response = await app.RawClient().GetAsync($"/donate/{app.Workspace.Id}");
        var body = await TextAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-quick-exit", body);
        Assert.Contains("Test mode.", body);
        // Chrome checks the form's redirect to Stripe against this page's own policy.
        Assert.Contains($"form-action 'self' {app.Stripe.ApiBase.GetLeftPart(UriPartial.Authority)};", response.Headers.GetValues("Content-Security-Policy").Single());
        foreach (var preset in new[] { "£5", "£10", "£25", "£50" }) Assert.Contains($">{preset}</label>", body);
        Assert.Contains("From £2 to £10,000.", body);
        Assert.Contains("I am a UK taxpayer", body);
        Assert.DoesNotContain("blazor-error-ui", body);
    }

    [Fact]
    public async Task A_campaign_in_the_address_shows_its_title_and_target()
    {
        using var response = await app.RawClient().GetAsync($"/donate/{app.Workspace.Id}?campaign=16-days");
        var body = await TextAsync(response);

        Assert.Contains("16 days of activism", body);
        Assert.Matches("Our target: <strong[^>]*>£5,000</strong>", body);
        Assert.Contains("name=\"Form.Campaign\" value=\"16-days\"", body);
    }

    [Fact]
    public async Task An_unknown_charity_is_not_found()
    {
        using var response = await app.RawClient().GetAsync("/donate/no-such-charity");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_charity_without_Stripe_says_donations_are_not_open_yet()
    {
        using var response = await app.RawClient().GetAsync($"/donate/{app.Unconnected.Id}");
        var body = await TextAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Donations are not open yet", body);
        Assert.DoesNotContain("Continue to payment", body);
    }

    [Theory]
    [InlineData("1", "The smallest gift we can take online is £2.")]
    [InlineData("10000.50", "The largest gift we can take online is £10,000.")]
    [InlineData("twenty", "Enter the amount as a number of pounds, like 10 or 12.50.")]
    [InlineData("10.123", "at most two numbers after the point")]
    public async Task A_bad_amount_is_refused_with_a_clear_message_and_nothing_goes_to_Stripe(string amount, string message)
    {
        var sessions = app.Stripe.Sessions.Count;

        using var response = await app.GiveAsync(new Dictionary<string, string> { ["Form.Choice"] = "other", ["Form.OtherAmount"] = amount });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, await TextAsync(response));
        Assert.Equal(sessions, app.Stripe.Sessions.Count);
    }

    [Fact]
    public async Task Gift_Aid_without_a_postcode_or_the_statement_is_refused_on_those_fields()
    {
        using var response = await app.GiveAsync(new Dictionary<string, string>
        {
            ["Form.Choice"] = "10", ["Form.GiftAid"] = "true", ["Form.FirstName"] = "Gina", ["Form.LastName"] = "Giver",
            ["Form.HouseNameOrNumber"] = "3", ["Form.Address"] = "Mill Road, York", ["Form.Postcode"] = "YO1 7",
        });
        var body = await TextAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Enter a UK postcode, like SW1A 1AA.", body);
        Assert.Contains("Tick the box to confirm you are a UK taxpayer, or untick Gift Aid.", body);
        Assert.Matches("<input[^>]*id=\"dn-postcode\"[^>]*aria-invalid=\"true\"|<input[^>]*aria-invalid=\"true\"[^>]*id=\"dn-postcode\"", body);
    }

    [Fact]
    public async Task A_good_gift_goes_to_Stripes_page_and_the_redirect_is_allowed_by_the_content_security_policy()
    {
        using var response = await app.GiveAsync(new Dictionary<string, string> { ["Form.Choice"] = "25", ["Form.Frequency"] = "monthly", ["Form.Campaign"] = "16-days" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var payAt = response.Headers.Location!;
        Assert.Equal(app.Stripe.ApiBase.GetLeftPart(UriPartial.Authority), payAt.GetLeftPart(UriPartial.Authority));
        Assert.Contains($"form-action 'self' {app.Stripe.ApiBase.GetLeftPart(UriPartial.Authority)};", response.Headers.GetValues("Content-Security-Policy").Single());
        var session = app.Stripe.Sessions.Single(s => payAt.AbsolutePath.EndsWith(s.Id, StringComparison.Ordinal));
        Assert.Equal(("subscription", 2500L, "16-days"), (session.Mode, session.AmountPence, session.Campaign));
        Assert.Equal($"{app.BaseAddress}donate/{app.Workspace.Id}/thanks", session["success_url"]);
    }

    [Fact]
    public async Task When_Stripe_is_down_she_is_told_kindly_and_nothing_is_kept()
    {
        var before = await app.CheckoutCountAsync();
        app.Stripe.Unreachable = true;
        try
        {
            using var response = await app.GiveAsync(new Dictionary<string, string> { ["Form.Choice"] = "10" });

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains("Nothing has been taken from your card. Please try again in a few minutes.", await TextAsync(response));
            Assert.Equal(before, await app.CheckoutCountAsync());
        }
        finally
        {
            app.Stripe.Unreachable = false;
        }
    }

    [Fact]
    public async Task The_thanks_page_records_nothing()
    {
        using var response = await app.RawClient().GetAsync($"/donate/{app.Workspace.Id}/thanks");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Thank you for your gift", await TextAsync(response));
        await using var session = app.Store.QuerySession(app.Workspace.Id);
        Assert.Equal(0, await session.Query<Donation>().CountAsync());
    }
}
