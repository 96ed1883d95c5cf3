using System.Text.Json.Nodes;
using CharityCMS.Donations;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using FluentValidation;
using Marten;
using static CharityCMS.TestSupport.StripeTestEvents;

namespace CharityCMS.Core.Tests.Donations;

/// <summary>
/// Stripe's webhooks through the production handler with real signatures: only a verified event
/// changes anything, each event counts once, and the totals are exact in any order.
/// </summary>
/// <summary>A workspace with Stripe connected, and the webhook's events made and signed as Stripe makes them.</summary>
public abstract class StripeDatabase : DomainDatabase
{
    private int events;

    protected TestWorkspace Workspace { get; private set; } = null!;
    protected WorkspaceAccess Admin { get; private set; } = null!;
    protected StripeWebhooks Webhooks => Get<StripeWebhooks>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Workspace = await TestWorkspace.CreateAsync(Store);
        Admin = (await Workspace.AddMemberAsync("Ada Admin", WorkspaceRole.WorkspaceAdmin)).Access;
        await Get<StripeAccounts>().ConnectAsync(Admin, new ConnectStripe(SecretKey, WebhookSecret), default);
    }

    /// <summary>What the donation page stores before she goes to Stripe.</summary>
    protected async Task<Guid> CheckoutAsync(long amountPence, DonationKind kind, GiftAidDeclarant? giftAid = null, string? campaign = null,
        string? email = "dana@example.org")
    {
        var checkout = new DonationCheckout(Guid.CreateVersion7(), amountPence, kind, campaign, giftAid, email, email is not null, Clock.GetUtcNow());
        await using var session = Store.LightweightSession(Workspace.Id);
        session.Store(checkout);
        await session.SaveChangesAsync();
        return checkout.Id;
    }

    protected (string Id, string Payload) Make(string type, JsonObject data)
    {
        var id = $"evt_{++events:D4}";
        return (id, Event(id, type, data, Clock.GetUtcNow()));
    }

    protected Task<WebhookOutcome> DeliverAsync(string payload, string? signature = null, string? workspaceId = null) =>
        Webhooks.ReceiveAsync(workspaceId ?? Workspace.Id, payload, signature ?? Sign(payload, Clock.GetUtcNow()), default);

    protected async Task<WebhookOutcome> SendAsync(string type, JsonObject data) => await DeliverAsync(Make(type, data).Payload);
}

public class StripeWebhookTests : StripeDatabase
{
    private async Task<(long Received, long Net, int Gifts)> TotalsAsync()
    {
        await using var session = Store.QuerySession(Workspace.Id);
        var donations = await session.Query<Donation>().ToListAsync();
        return (donations.Where(d => d.IsReceived).Sum(d => d.AmountPence), donations.Sum(d => d.NetPence), donations.Count(d => d.IsReceived));
    }

    private async Task<T?> LoadAsync<T>(Guid id) where T : notnull
    {
        await using var session = Store.QuerySession(Workspace.Id);
        return await session.LoadAsync<T>(id);
    }

    [Fact]
    public async Task A_signed_completed_checkout_records_the_gift_and_its_donor_once()
    {
        var checkout = await CheckoutAsync(2500, DonationKind.OneOff, campaign: "16-days");

        var outcome = await SendAsync("checkout.session.completed", CheckoutSession("cs_1", checkout, "payment", 2500, "cus_1", paymentIntent: "pi_1"));

        Assert.Equal(WebhookOutcome.Recorded, outcome);
        Assert.Equal((2500, 2500, 1), await TotalsAsync());
        var donation = (await LoadAsync<Donation>(StripeIds.Donation("pi_1")))!;
        Assert.Equal((DonationKind.OneOff, "16-days", StripeIds.Donor("cus_1")), (donation.Kind, donation.Campaign, donation.DonorId));
        var donor = (await LoadAsync<Donor>(StripeIds.Donor("cus_1")))!;
        Assert.Equal(("dana@example.org", true), (donor.Email, donor.EmailConsent));
    }

    [Fact]
    public async Task A_replayed_event_changes_nothing()
    {
        var checkout = await CheckoutAsync(2500, DonationKind.OneOff);
        var (_, payload) = Make("checkout.session.completed", CheckoutSession("cs_1", checkout, "payment", 2500, "cus_1", paymentIntent: "pi_1"));

        Assert.Equal(WebhookOutcome.Recorded, await DeliverAsync(payload));
        Assert.Equal(WebhookOutcome.AlreadyRecorded, await DeliverAsync(payload));
        Assert.Equal(WebhookOutcome.AlreadyRecorded, await DeliverAsync(payload));

        Assert.Equal((2500, 2500, 1), await TotalsAsync());
        await using var session = Store.QuerySession(Workspace.Id);
        Assert.Equal(1, await session.Events.QueryAllRawEvents().CountAsync(e => e.StreamId == StripeIds.Donation("pi_1")));
    }

    [Fact]
    public async Task The_same_payment_in_two_different_events_counts_once()
    {
        var checkout = await CheckoutAsync(2500, DonationKind.OneOff);
        await SendAsync("checkout.session.completed", CheckoutSession("cs_1", checkout, "payment", 2500, "cus_1", paymentIntent: "pi_1"));

        Assert.Equal(WebhookOutcome.Ignored,
            await SendAsync("checkout.session.async_payment_succeeded", CheckoutSession("cs_1", checkout, "payment", 2500, "cus_1", paymentIntent: "pi_1")));

        Assert.Equal((2500, 2500, 1), await TotalsAsync());
    }

    public static TheoryData<string, string> Forgeries => new()
    {
        { "unsigned", "" },
        { "signed with another secret", "whsec_someone_else_entirely_0000" },
        { "signature of another payload", "other payload" },
        { "garbage header", "t=abc,v1=zz" },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task An_event_not_signed_with_the_workspaces_secret_is_refused_and_changes_nothing(string what, string forgery)
    {
        var checkout = await CheckoutAsync(2500, DonationKind.OneOff);
        var (_, payload) = Make("checkout.session.completed", CheckoutSession("cs_1", checkout, "payment", 2500, "cus_1", paymentIntent: "pi_1"));
        var signature = what switch
        {
            "unsigned" => "",
            "signed with another secret" => Sign(payload, Clock.GetUtcNow(), forgery),
            "signature of another payload" => Sign(forgery, Clock.GetUtcNow()),
            _ => forgery,
        };

        Assert.Equal(WebhookOutcome.Refused, await DeliverAsync(payload, signature));

        Assert.Equal((0, 0, 0), await TotalsAsync());
        await using var session = Store.QuerySession(Workspace.Id);
        Assert.Equal(0, await session.Query<StripeEventRecord>().CountAsync());
        Assert.Equal(0, await session.Query<Donor>().CountAsync());
    }

    [Fact]
    public async Task A_signature_older_than_five_minutes_is_refused_and_a_fresh_one_accepted()
    {
        var checkout = await CheckoutAsync(2500, DonationKind.OneOff);
        var (_, payload) = Make("checkout.session.completed", CheckoutSession("cs_1", checkout, "payment", 2500, "cus_1", paymentIntent: "pi_1"));

        Assert.Equal(WebhookOutcome.Refused, await DeliverAsync(payload, Sign(payload, Clock.GetUtcNow().AddSeconds(-StripeWebhooks.ToleranceSeconds - 1))));
        Assert.Equal((0, 0, 0), await TotalsAsync());

        Assert.Equal(WebhookOutcome.Recorded, await DeliverAsync(payload, Sign(payload, Clock.GetUtcNow().AddSeconds(-StripeWebhooks.ToleranceSeconds + 5))));
        Assert.Equal((2500, 2500, 1), await TotalsAsync());
    }

    [Fact]
    public async Task An_event_for_another_workspace_is_refused_there()
    {
        var other = await TestWorkspace.CreateAsync(Store, "other-charity", "OTH");
        var otherAdmin = (await other.AddMemberAsync("Olga Admin", WorkspaceRole.WorkspaceAdmin)).Access;
        await Get<StripeAccounts>().ConnectAsync(otherAdmin, new ConnectStripe("sk_test_other_charity_key_0000", "whsec_other_charity_secret_0000"), default);
        var checkout = await CheckoutAsync(2500, DonationKind.OneOff);
        var (_, payload) = Make("checkout.session.completed", CheckoutSession("cs_1", checkout, "payment", 2500, "cus_1", paymentIntent: "pi_1"));

        Assert.Equal(WebhookOutcome.Refused, await DeliverAsync(payload, workspaceId: other.Id));
        Assert.Equal(WebhookOutcome.Refused, await DeliverAsync(payload, workspaceId: "no-such-charity"));

        await using var session = Store.QuerySession(other.Id);
        Assert.Equal(0, await session.Query<Donation>().CountAsync());
        Assert.Equal((0, 0, 0), await TotalsAsync());
    }

    [Fact]
    public async Task A_refund_before_its_payment_still_leaves_the_totals_exact()
    {
        var checkout = await CheckoutAsync(5000, DonationKind.OneOff);

        Assert.Equal(WebhookOutcome.Recorded, await SendAsync("charge.refunded", RefundedCharge("ch_1", "pi_1", 5000, 2000)));
        Assert.Equal((0, 0, 0), await TotalsAsync());
        Assert.Equal(WebhookOutcome.Recorded,
            await SendAsync("checkout.session.completed", CheckoutSession("cs_1", checkout, "payment", 5000, "cus_1", paymentIntent: "pi_1")));
        Assert.Equal((5000, 3000, 1), await TotalsAsync());

        // A later refund carries Stripe's running total; an older one arriving late changes nothing.
        Assert.Equal(WebhookOutcome.Recorded, await SendAsync("charge.refunded", RefundedCharge("ch_1", "pi_1", 5000, 5000)));
        Assert.Equal(WebhookOutcome.Ignored, await SendAsync("charge.refunded", RefundedCharge("ch_1", "pi_1", 5000, 2000)));
        Assert.Equal((5000, 0, 1), await TotalsAsync());
        Assert.True((await LoadAsync<Donation>(StripeIds.Donation("pi_1")))!.IsRefunded);
    }

    [Fact]
    public async Task A_monthly_gift_counts_each_paid_month_once_in_any_order_and_ends_when_cancelled()
    {
        var checkout = await CheckoutAsync(1000, DonationKind.Monthly, campaign: "16-days");
        var paidAt = Clock.GetUtcNow();

        // The first month's invoice arrives before the checkout that set the gift up.
        Assert.Equal(WebhookOutcome.Recorded, await SendAsync("invoice.paid", PaidInvoice("in_1", "cus_9", "sub_1", 1000, "pi_m1", paidAt, "16-days")));
        Assert.Equal(WebhookOutcome.Recorded,
            await SendAsync("checkout.session.completed", CheckoutSession("cs_9", checkout, "subscription", 1000, "cus_9", subscription: "sub_1")));
        var (_, second) = Make("invoice.paid", PaidInvoice("in_2", "cus_9", "sub_1", 1000, "pi_m2", paidAt.AddMonths(1), "16-days"));
        Assert.Equal(WebhookOutcome.Recorded, await DeliverAsync(second));
        Assert.Equal(WebhookOutcome.AlreadyRecorded, await DeliverAsync(second));

        Assert.Equal((2000, 2000, 2), await TotalsAsync());
        var gift = (await LoadAsync<RecurringGift>(StripeIds.RecurringGift("sub_1")))!;
        Assert.True(gift.IsActive);
        Assert.Equal((StripeIds.Donor("cus_9"), 1000L, "16-days"), (gift.DonorId, gift.MonthlyAmountPence, gift.Campaign));
        await using (var session = Store.QuerySession(Workspace.Id))
        {
            var months = await session.Query<Donation>().Where(d => d.StripeSubscriptionId == "sub_1").ToListAsync();
            Assert.All(months, m => Assert.Equal((DonationKind.Monthly, StripeIds.Donor("cus_9"), "16-days"), (m.Kind, m.DonorId, m.Campaign)));
        }

        Assert.Equal(WebhookOutcome.Recorded, await SendAsync("customer.subscription.deleted", EndedSubscription("sub_1", paidAt.AddMonths(1).AddDays(3))));
        Assert.Equal(WebhookOutcome.Ignored, await SendAsync("customer.subscription.deleted", EndedSubscription("sub_1", paidAt.AddMonths(2))));
        gift = (await LoadAsync<RecurringGift>(StripeIds.RecurringGift("sub_1")))!;
        Assert.False(gift.IsActive);
        Assert.Equal(paidAt.AddMonths(1).AddDays(3).ToUnixTimeSeconds(), gift.EndedAt!.Value.ToUnixTimeSeconds());
        Assert.Equal((2000, 2000, 2), await TotalsAsync());
    }

    [Fact]
    public async Task A_gift_aid_declaration_made_at_checkout_is_recorded_once_on_the_donor()
    {
        var declarant = new GiftAidDeclarant("Ms", "Dana", "Donor", "12", "Mill Lane, Northshire", "NS1 2AB");
        var checkout = await CheckoutAsync(2500, DonationKind.OneOff, declarant);
        var (_, payload) = Make("checkout.session.completed", CheckoutSession("cs_1", checkout, "payment", 2500, "cus_1", paymentIntent: "pi_1"));

        await DeliverAsync(payload);
        await SendAsync("checkout.session.async_payment_succeeded", CheckoutSession("cs_1", checkout, "payment", 2500, "cus_1", paymentIntent: "pi_1"));

        var donor = (await LoadAsync<Donor>(StripeIds.Donor("cus_1")))!;
        var declaration = Assert.Single(donor.Declarations);
        Assert.Equal((declarant, DeclarationMethod.Online, new DateOnly(2026, 11, 25)), (declaration.Declarant, declaration.Method, declaration.MadeOn));
        Assert.Equal("Ms Dana Donor", donor.Name);
        Assert.NotNull(donor.DeclarationCovering(new DateOnly(2026, 11, 25)));
    }

    [Fact]
    public async Task Events_the_records_do_not_follow_are_ignored_without_a_trace()
    {
        Assert.Equal(WebhookOutcome.Ignored, await SendAsync("customer.created", new JsonObject { ["id"] = "cus_1", ["object"] = "customer" }));
        // A checkout this workspace's donation page did not start.
        Assert.Equal(WebhookOutcome.Ignored,
            await SendAsync("checkout.session.completed", CheckoutSession("cs_x", Guid.NewGuid(), "payment", 2500, "cus_1", paymentIntent: "pi_x")));
        // A payment for something other than a subscription.
        var invoice = PaidInvoice("in_x", "cus_1", "sub_x", 900, "pi_y", Clock.GetUtcNow());
        invoice["parent"] = null;
        Assert.Equal(WebhookOutcome.Ignored, await SendAsync("invoice.paid", invoice));

        await using var session = Store.QuerySession(Workspace.Id);
        Assert.Equal(0, await session.Query<StripeEventRecord>().CountAsync());
        Assert.Equal((0, 0, 0), await TotalsAsync());
    }

    [Fact]
    public async Task Without_a_connected_stripe_account_every_event_is_refused()
    {
        var unconnected = await TestWorkspace.CreateAsync(Store, "unconnected", "UNC");
        var (_, payload) = Make("charge.refunded", RefundedCharge("ch_1", "pi_1", 5000, 2000));

        Assert.Equal(WebhookOutcome.Refused, await DeliverAsync(payload, workspaceId: unconnected.Id));
    }

    [Fact]
    public async Task Connecting_stripe_needs_a_workspace_admin_and_real_looking_secrets_and_never_shows_them_again()
    {
        var accounts = Get<StripeAccounts>();
        var (_, fundraiser) = await Workspace.AddMemberAsync("Fay Fundraiser", WorkspaceRole.Fundraiser);
        await Assert.ThrowsAsync<AccessDeniedException>(() => accounts.ConnectAsync(fundraiser, new ConnectStripe(SecretKey, WebhookSecret), default));

        var refused = await Assert.ThrowsAsync<ValidationException>(() => accounts.ConnectAsync(Admin, new ConnectStripe("pk_test_publishable", "secret"), default));
        Assert.Contains(refused.Errors, e => e.PropertyName == nameof(ConnectStripe.SecretKey) && e.ErrorMessage.Contains("sk_test_"));
        Assert.Contains(refused.Errors, e => e.PropertyName == nameof(ConnectStripe.WebhookSecret) && e.ErrorMessage.Contains("whsec_"));

        var live = await accounts.ConnectAsync(Admin, new ConnectStripe("sk_live_realcharitykey0000", "whsec_live_secret_000000"), default);
        Assert.Equal(StripeMode.Live, live.Mode);
        Assert.Equal(StripeMode.Live, (await accounts.ConnectionAsync(fundraiser, default))!.Mode);
        await using var session = Store.QuerySession(Workspace.Id);
        var stored = (await session.LoadAsync<StripeAccount>(StripeAccount.DocumentId))!;
        Assert.DoesNotContain("sk_live_", stored.ProtectedSecretKey);
        Assert.DoesNotContain("whsec_", stored.ProtectedWebhookSecret);
    }
}
