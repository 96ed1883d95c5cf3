using CharityCMS.Donations;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using FluentValidation;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using static CharityCMS.TestSupport.StripeTestEvents;

namespace CharityCMS.Core.Tests.Donations;

/// <summary>
/// The donation page's checkout against the local Stripe stand-in: the form's rules, the session
/// Stripe is asked for (mode, amount, metadata with nothing of hers), and nothing kept when Stripe fails.
/// </summary>
public class DonationCheckoutTests : DomainDatabase
{
    private static readonly Uri Success = new("https://charity.example/donate/x/thanks");
    private static readonly Uri Cancel = new("https://charity.example/donate/x/cancelled");

    private StripeStandIn stripe = null!;
    private TestWorkspace workspace = null!;
    private WorkspaceAccess fundraiser = null!;

    private DonationCheckouts Checkouts => Get<DonationCheckouts>();

    public override async Task InitializeAsync()
    {
        stripe = await StripeStandIn.StartAsync();
        await base.InitializeAsync();
        workspace = await TestWorkspace.CreateAsync(Store);
        var admin = (await workspace.AddMemberAsync("Ada Admin", WorkspaceRole.WorkspaceAdmin)).Access;
        fundraiser = (await workspace.AddMemberAsync("Fran Fundraiser", WorkspaceRole.Fundraiser)).Access;
        await Get<StripeAccounts>().ConnectAsync(admin, new ConnectStripe(SecretKey, WebhookSecret), default);
        stripe.AddAccount(SecretKey, new Uri("http://127.0.0.1:9/webhooks/stripe/unused"), WebhookSecret);
        await Get<Campaigns>().SaveAsync(fundraiser, new Campaign("16-days", "16 days of activism", 5000m, new DateOnly(2026, 11, 25), new DateOnly(2026, 12, 10)), isNew: true, default);
    }

    protected override void ConfigureServices(IServiceCollection services) =>
        services.Configure<StripeOptions>(o => o.ApiBase = stripe.ApiBase.ToString());

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await stripe.DisposeAsync();
    }

    private static DonationForm GiftAidForm(bool monthly = false) => new()
    {
        Amount = "12.50",
        Monthly = monthly,
        Campaign = "16-days",
        GiftAid = true,
        Title = "Ms",
        FirstName = "Grace",
        LastName = "Giver",
        HouseNameOrNumber = "12",
        Address = "Orchard Lane, Leeds",
        Postcode = "ls1  4ap",
        TaxpayerStatement = true,
        Email = "grace@example.org",
        EmailConsent = true,
    };

    private async Task<IReadOnlyList<DonationCheckout>> StoredAsync()
    {
        await using var session = Store.QuerySession(workspace.Id);
        return await session.Query<DonationCheckout>().ToListAsync();
    }

    public static TheoryData<string, DonationForm, string> BadForms => new()
    {
        { "no amount", new DonationForm { Amount = " " }, "Amount" },
        { "below the minimum", new DonationForm { Amount = "1.99" }, "Amount" },
        { "above the maximum", new DonationForm { Amount = "10000.01" }, "Amount" },
        { "not a number", new DonationForm { Amount = "ten" }, "Amount" },
        { "a negative amount", new DonationForm { Amount = "-5" }, "Amount" },
        { "three decimals", new DonationForm { Amount = "10.505" }, "Amount" },
        { "a bad postcode", GiftAidForm() with { Postcode = "LS1 4A" }, "Postcode" },
        { "a postcode of letters", GiftAidForm() with { Postcode = "QQ1 1QQ" }, "Postcode" },
        { "no postcode", GiftAidForm() with { Postcode = "" }, "Postcode" },
        { "no first name", GiftAidForm() with { FirstName = " " }, "FirstName" },
        { "no last name", GiftAidForm() with { LastName = null }, "LastName" },
        { "no house", GiftAidForm() with { HouseNameOrNumber = "" }, "HouseNameOrNumber" },
        { "no address", GiftAidForm() with { Address = "" }, "Address" },
        { "statement not ticked", GiftAidForm() with { TaxpayerStatement = false }, "TaxpayerStatement" },
        { "a bad email", new DonationForm { Amount = "10", Email = "grace.example.org" }, "Email" },
        { "an unknown campaign", new DonationForm { Amount = "10", Campaign = "no-such-campaign" }, "Campaign" },
    };

    [Theory]
    [MemberData(nameof(BadForms))]
    public async Task A_bad_form_is_refused_on_its_field_and_nothing_goes_to_Stripe(string why, DonationForm form, string field)
    {
        var refused = await Assert.ThrowsAsync<ValidationException>(() => Checkouts.StartAsync(workspace.Id, form, Success, Cancel, default));

        Assert.True(refused.Errors.Any(e => e.PropertyName == field), $"{why}: expected a message on {field}, got {string.Join("; ", refused.Errors.Select(e => e.PropertyName))}");
        Assert.Empty(stripe.Sessions);
        Assert.Empty(await StoredAsync());
    }

    [Theory]
    [InlineData("2", 200)]
    [InlineData("£1,000", 100_000)]
    [InlineData(" 12.5 ", 1250)]
    [InlineData("10000", 1_000_000)]
    public async Task Amounts_within_the_settings_are_taken_as_typed(string typed, long pence)
    {
        var payAt = await Checkouts.StartAsync(workspace.Id, new DonationForm { Amount = typed }, Success, Cancel, default);

        Assert.StartsWith(stripe.ApiBase.ToString(), payAt.ToString(), StringComparison.Ordinal);
        Assert.Equal(pence, Assert.Single(stripe.Sessions).AmountPence);
    }

    [Fact]
    public async Task The_workspaces_own_limits_apply()
    {
        await Get<DonationSettingsStore>().SaveAsync(fundraiser, new DonationSettings { MinimumPounds = 20m, MaximumPounds = 500m, PresetPounds = [20m, 50m] }, default);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => Checkouts.StartAsync(workspace.Id, new DonationForm { Amount = "10" }, Success, Cancel, default));

        Assert.Equal("The smallest gift we can take online is £20.", Assert.Single(refused.Errors).ErrorMessage);
    }

    [Fact]
    public async Task A_one_off_gift_is_a_payment_session_with_a_customer_and_only_ids_in_its_metadata()
    {
        await Checkouts.StartAsync(workspace.Id, GiftAidForm(), Success, Cancel, default);

        var session = Assert.Single(stripe.Sessions);
        var checkout = Assert.Single(await StoredAsync());
        Assert.Equal(("payment", 1250L, "always", "gbp"), (session.Mode, session.AmountPence, session["customer_creation"], session["line_items[0][price_data][currency]"]));
        Assert.Equal(checkout.Id.ToString(), session["client_reference_id"]);
        Assert.Equal((session.Id, "16-days", DonationKind.OneOff), (checkout.StripeSessionId, checkout.Campaign, checkout.Kind));
        Assert.Equal(("16-days", checkout.Id.ToString()), (session.Campaign, session["metadata[checkout]"]));
        Assert.Null(session["line_items[0][price_data][recurring][interval]"]);
        AssertNothingOfHers(session);
    }

    [Fact]
    public async Task A_monthly_gift_is_a_subscription_session_whose_subscription_carries_the_campaign()
    {
        await Checkouts.StartAsync(workspace.Id, GiftAidForm(monthly: true), Success, Cancel, default);

        var session = Assert.Single(stripe.Sessions);
        Assert.Equal(("subscription", 1250L, "month"), (session.Mode, session.AmountPence, session["line_items[0][price_data][recurring][interval]"]));
        Assert.Equal("16-days", session["subscription_data[metadata][campaign]"]);
        Assert.Null(session["customer_creation"]);
        Assert.Equal(DonationKind.Monthly, Assert.Single(await StoredAsync()).Kind);
        AssertNothingOfHers(session);
    }

    [Fact]
    public async Task Her_declaration_is_kept_here_with_the_postcode_tidied()
    {
        await Checkouts.StartAsync(workspace.Id, GiftAidForm(), Success, Cancel, default);

        var checkout = Assert.Single(await StoredAsync());
        Assert.Equal(new GiftAidDeclarant("Ms", "Grace", "Giver", "12", "Orchard Lane, Leeds", "LS1 4AP"), checkout.GiftAid);
        Assert.Equal(("grace@example.org", true), (checkout.Email, checkout.EmailConsent));
    }

    [Fact]
    public async Task When_Stripe_is_down_she_gets_a_kind_message_and_nothing_is_kept()
    {
        stripe.Unreachable = true;

        var failed = await Assert.ThrowsAsync<PaymentsUnavailableException>(() => Checkouts.StartAsync(workspace.Id, GiftAidForm(), Success, Cancel, default));

        Assert.Contains("Nothing has been taken from your card", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("grace", failed.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task A_workspace_without_Stripe_is_not_open_for_donations()
    {
        var other = await TestWorkspace.CreateAsync(Store);

        await Assert.ThrowsAsync<DonationsNotOpenException>(() => Checkouts.StartAsync(other.Id, new DonationForm { Amount = "10" }, Success, Cancel, default));

        Assert.Empty(stripe.Sessions);
    }

    [Fact]
    public async Task Only_fundraisers_and_admins_manage_campaigns()
    {
        var caseworker = (await workspace.AddMemberAsync("Cass Worker", WorkspaceRole.Caseworker, WorkspaceRole.Manager)).Access;

        await Assert.ThrowsAsync<AccessDeniedException>(() => Get<Campaigns>().ListAsync(caseworker, default));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Get<DonationSettingsStore>().SaveAsync(caseworker, DonationSettings.Default, default));
        Assert.Equal("16-days", Assert.Single(await Get<Campaigns>().ListAsync(fundraiser, default)).WebName);
    }

    [Fact]
    public async Task A_second_campaign_with_the_same_web_name_is_refused()
    {
        var again = new Campaign("16-days", "Again", 10m, new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 2));

        var refused = await Assert.ThrowsAsync<ValidationException>(() => Get<Campaigns>().SaveAsync(fundraiser, again, isNew: true, default));

        Assert.Equal("Another campaign already has that web name.", Assert.Single(refused.Errors).ErrorMessage);
    }

    private static void AssertNothingOfHers(StandInSession session)
    {
        var sent = string.Join("\n", session.Fields.Where(f => f.Key != "customer_email").Select(f => f.Value));
        foreach (var personal in new[] { "Grace", "Giver", "Orchard", "LS1", "12 " })
            Assert.DoesNotContain(personal, sent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("grace@example.org", session["customer_email"]);
    }
}
