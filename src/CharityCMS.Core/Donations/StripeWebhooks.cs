using Marten;
using JasperFx;
using Microsoft.Extensions.Logging;
using Stripe;
using Stripe.Checkout;

namespace CharityCMS.Donations;

public enum WebhookOutcome
{
    /// <summary>Verified and acted on.</summary>
    Recorded,
    /// <summary>Verified, and already acted on before: nothing changed.</summary>
    AlreadyRecorded,
    /// <summary>Verified, but not something the charity's records follow (another type, not from our page).</summary>
    Ignored,
    /// <summary>Not verified (unsigned, forged, stale, another workspace's, or no Stripe account): nothing changed.</summary>
    Refused,
}

/// <summary>
/// Stripe's webhooks for one workspace. Each is verified with that workspace's own signing secret
/// before anything is read from it; each event id is acted on once; the events can come in any
/// order and more than once, and the totals stay exact (see <see cref="StripeIds"/>, <see cref="DonationRefunded"/>).
/// </summary>
public sealed class StripeWebhooks(IDocumentStore store, StripeAccounts accounts, StripeGateway gateway, TimeProvider clock, ILogger<StripeWebhooks> logger)
{
    /// <summary>How old a signature may be, as Stripe recommends: older ones could be replays.</summary>
    public const long ToleranceSeconds = 300;

    public async Task<WebhookOutcome> ReceiveAsync(string workspaceId, string payload, string? signature, CancellationToken ct)
    {
        var secrets = await accounts.SecretsAsync(workspaceId, ct);
        if (secrets is null)
        {
            logger.LogWarning("Stripe webhook refused: no Stripe account is connected for the workspace in its address");
            return WebhookOutcome.Refused;
        }
        Event stripeEvent;
        try
        {
            // Events are read as Stripe sent them whatever API version the account uses.
            stripeEvent = EventUtility.ConstructEvent(payload, signature ?? "", secrets.WebhookSecret, ToleranceSeconds,
                clock.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (StripeException e)
        {
            logger.LogWarning("Stripe webhook refused for workspace {Workspace}: {Reason}", workspaceId, e.Message);
            return WebhookOutcome.Refused;
        }

        await using var session = store.LightweightSession(workspaceId);
        if (await session.LoadAsync<StripeEventRecord>(stripeEvent.Id, ct) is not null) return WebhookOutcome.AlreadyRecorded;
        var at = new DateTimeOffset(DateTime.SpecifyKind(stripeEvent.Created, DateTimeKind.Utc));
        var acted = stripeEvent.Type switch
        {
            EventTypes.CheckoutSessionCompleted or EventTypes.CheckoutSessionAsyncPaymentSucceeded =>
                await CheckoutCompletedAsync(session, (Session)stripeEvent.Data.Object, at, ct),
            EventTypes.InvoicePaid => await InvoicePaidAsync(session, secrets, (Invoice)stripeEvent.Data.Object, at, ct),
            EventTypes.ChargeRefunded => await ChargeRefundedAsync(session, (Charge)stripeEvent.Data.Object, at, ct),
            EventTypes.CustomerSubscriptionDeleted => await SubscriptionEndedAsync(session, (Subscription)stripeEvent.Data.Object, at, ct),
            _ => false,
        };
        if (!acted)
        {
            logger.LogInformation("Stripe event {EventId} of type {Type} for workspace {Workspace} changes nothing here", stripeEvent.Id, stripeEvent.Type, workspaceId);
            return WebhookOutcome.Ignored;
        }
        session.Insert(new StripeEventRecord(stripeEvent.Id, stripeEvent.Type, clock.GetUtcNow()));
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (DocumentAlreadyExistsException)
        {
            // The same event delivered twice at once: the other delivery recorded it.
            return WebhookOutcome.AlreadyRecorded;
        }
        logger.LogInformation("Stripe event {EventId} of type {Type} recorded for workspace {Workspace}", stripeEvent.Id, stripeEvent.Type, workspaceId);
        return WebhookOutcome.Recorded;
    }

    private async Task<bool> CheckoutCompletedAsync(IDocumentSession session, Session checkoutSession, DateTimeOffset at, CancellationToken ct)
    {
        // Only sessions our own donation page made: Stripe carries nothing else of hers.
        if (!Guid.TryParse(checkoutSession.ClientReferenceId, out var checkoutId)
            || await session.LoadAsync<DonationCheckout>(checkoutId, ct) is not { } checkout)
            return false;
        var customerId = checkoutSession.CustomerId ?? $"checkout:{checkoutSession.Id}";
        var donorId = StripeIds.Donor(customerId);
        var donor = await session.LoadAsync<Donor>(donorId, ct);
        var acted = false;
        if (donor is null)
        {
            session.Events.Append(donorId, new DonorRecorded(customerId, checkout.GiftAid?.FullName ?? checkoutSession.CustomerDetails?.Name,
                checkout.Email, checkout.Email is not null && checkout.EmailConsent, at));
            acted = true;
        }
        // One declaration per checkout: its id is the checkout's, so a second completion adds none.
        if (checkout.GiftAid is { } declarant && donor?.Declarations.Any(d => d.Id == checkout.Id) != true)
        {
            session.Events.Append(donorId, new GiftAidDeclarationMade(checkout.Id, declarant, DeclarationMethod.Online, UkCalendar.DateOf(at), at));
            session.Store(ReceiptDue.ForDeclaration(donorId, checkout.Id, at));
            acted = true;
        }
        if (checkoutSession.Mode == "payment" && checkoutSession.PaymentStatus == "paid" && checkoutSession.PaymentIntentId is { } paymentIntent)
            acted |= await ReceiveAsync(session, new DonationReceived(donorId, paymentIntent, checkoutSession.AmountTotal ?? checkout.AmountPence,
                checkoutSession.Currency ?? "gbp", DonationKind.OneOff, checkout.Campaign, null, at), ct);
        if (checkoutSession.Mode == "subscription" && checkoutSession.SubscriptionId is { } subscription)
        {
            var giftId = StripeIds.RecurringGift(subscription);
            if ((await session.LoadAsync<RecurringGift>(giftId, ct))?.StartedAt is null)
            {
                session.Events.Append(giftId, new RecurringGiftStarted(donorId, subscription, checkoutSession.AmountTotal ?? checkout.AmountPence,
                    checkoutSession.Currency ?? "gbp", checkout.Campaign, at));
                acted = true;
            }
        }
        return acted;
    }

    private async Task<bool> InvoicePaidAsync(IDocumentSession session, StripeSecrets secrets, Invoice invoice, DateTimeOffset at, CancellationToken ct)
    {
        // Each month of a recurring gift; the first month too (its checkout records the gift, not the money).
        if (invoice.Parent?.SubscriptionDetails?.SubscriptionId is not { } subscription || invoice.AmountPaid <= 0) return false;
        var paymentIntent = StripeGateway.PaymentIntentOf(invoice.Payments?.Data)
            ?? await gateway.PaymentIntentOfInvoiceAsync(secrets, invoice.Id, ct)
            ?? throw new InvalidOperationException($"Stripe gave no payment for paid invoice {invoice.Id}.");
        var campaign = invoice.Parent.SubscriptionDetails.Metadata?.GetValueOrDefault(DonationMetadata.Campaign);
        var paidAt = invoice.StatusTransitions?.PaidAt is { } paid ? new DateTimeOffset(DateTime.SpecifyKind(paid, DateTimeKind.Utc)) : at;
        return await ReceiveAsync(session, new DonationReceived(StripeIds.Donor(invoice.CustomerId), paymentIntent, invoice.AmountPaid,
            invoice.Currency ?? "gbp", DonationKind.Monthly, campaign, subscription, paidAt), ct);
    }

    private static async Task<bool> ReceiveAsync(IDocumentSession session, DonationReceived received, CancellationToken ct)
    {
        var id = StripeIds.Donation(received.StripePaymentIntentId);
        if ((await session.LoadAsync<Donation>(id, ct))?.IsReceived == true) return false;
        session.Events.Append(id, received);
        // Her thank-you is owed with the gift; the job finds out then whether she left an address.
        session.Store(ReceiptDue.ForGift(received.DonorId, id, received.ReceivedAt));
        return true;
    }

    private static async Task<bool> ChargeRefundedAsync(IDocumentSession session, Charge charge, DateTimeOffset at, CancellationToken ct)
    {
        if (charge.PaymentIntentId is not { } paymentIntent) return false;
        var id = StripeIds.Donation(paymentIntent);
        if ((await session.LoadAsync<Donation>(id, ct))?.RefundedPence >= charge.AmountRefunded) return false;
        session.Events.Append(id, new DonationRefunded(charge.AmountRefunded, at));
        return true;
    }

    private static async Task<bool> SubscriptionEndedAsync(IDocumentSession session, Subscription subscription, DateTimeOffset at, CancellationToken ct)
    {
        var id = StripeIds.RecurringGift(subscription.Id);
        if ((await session.LoadAsync<RecurringGift>(id, ct))?.EndedAt is not null) return false;
        var endedAt = subscription.EndedAt is { } ended ? new DateTimeOffset(DateTime.SpecifyKind(ended, DateTimeKind.Utc)) : at;
        session.Events.Append(id, new RecurringGiftEnded(endedAt));
        return true;
    }
}

/// <summary>The only things the app puts in Stripe's metadata: its own ids and the campaign's web name.</summary>
public static class DonationMetadata
{
    public const string Campaign = "campaign";
    public const string Checkout = "checkout";
}
