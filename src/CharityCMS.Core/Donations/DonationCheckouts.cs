using CharityCMS.Workspaces;
using FluentValidation;
using FluentValidation.Results;
using Marten;
using Microsoft.Extensions.Logging;
using Stripe;
using Stripe.Checkout;

namespace CharityCMS.Donations;

/// <summary>The workspace has not connected Stripe: the page says donations are not open yet.</summary>
public sealed class DonationsNotOpenException() : Exception("This charity is not taking donations online yet.");

/// <summary>Stripe could not be reached or refused the session. The message is for the donor; nothing was stored.</summary>
public sealed class PaymentsUnavailableException(Exception inner)
    : Exception("We could not reach our card payment service just now. Nothing has been taken from your card. Please try again in a few minutes.", inner);

/// <summary>
/// Starts a gift from the public donation page: checks the form, asks Stripe for a Checkout Session
/// with the workspace's own key, and keeps what she asked for (<see cref="DonationCheckout"/>) once
/// Stripe has made the session. Only the verified webhook records a donation.
/// </summary>
public sealed class DonationCheckouts(
    IDocumentStore store, StripeAccounts accounts, StripeGateway gateway, DonationSettingsStore settings, Campaigns campaigns,
    TimeProvider clock, ILogger<DonationCheckouts> logger)
{
    /// <summary>The workspace whose public donation page has this web name, or null.</summary>
    public async Task<Workspace?> WorkspaceAsync(string slug, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(slug) || slug.Length > 40 || !slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')) return null;
        await using var platform = store.QuerySession();
        return await platform.LoadAsync<Workspace>(slug, ct);
    }

    /// <summary>What is wrong with the form for this workspace, by the form's field names; empty when it can go to Stripe.</summary>
    public async Task<IReadOnlyList<ValidationFailure>> CheckAsync(string workspaceId, DonationForm form, CancellationToken ct)
    {
        var failures = (await new DonationFormValidator(await settings.ReadAsync(workspaceId, ct)).ValidateAsync(form, ct)).Errors;
        if (!string.IsNullOrWhiteSpace(form.Campaign) && await campaigns.FindAsync(workspaceId, form.Campaign, ct) is null)
            failures.Add(new ValidationFailure(nameof(DonationForm.Campaign), "We could not find that campaign. You can still give to the charity's work."));
        return failures;
    }

    /// <summary>
    /// The address of Stripe's payment page for this gift. Throws <see cref="ValidationException"/> for a
    /// form to correct, <see cref="DonationsNotOpenException"/> without a Stripe account and
    /// <see cref="PaymentsUnavailableException"/> when Stripe fails; in each case nothing is stored.
    /// </summary>
    public async Task<Uri> StartAsync(string workspaceId, DonationForm form, Uri successUrl, Uri cancelUrl, CancellationToken ct)
    {
        var failures = await CheckAsync(workspaceId, form, ct);
        if (failures.Count > 0) throw new ValidationException(failures);
        var secrets = await accounts.SecretsAsync(workspaceId, ct) ?? throw new DonationsNotOpenException();
        var campaign = Text.TidyOrNull(form.Campaign)?.ToLowerInvariant();
        var checkout = new DonationCheckout(Guid.CreateVersion7(), form.AmountPence!.Value, form.Kind, campaign, form.Declarant, form.TidyEmail,
            form.TidyEmail is not null && form.EmailConsent, clock.GetUtcNow());

        Session session;
        try
        {
            session = await new SessionService(gateway.ClientFor(secrets)).CreateAsync(SessionFor(checkout, successUrl, cancelUrl), cancellationToken: ct);
        }
        catch (Exception e) when (e is StripeException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            // Stripe's message may repeat what was sent (her email): only its kind is logged.
            logger.LogWarning("Stripe refused or could not be reached for a checkout in workspace {Workspace}: {Error}", workspaceId, e.GetType().Name);
            throw new PaymentsUnavailableException(e);
        }
        if (string.IsNullOrEmpty(session.Url) || !Uri.TryCreate(session.Url, UriKind.Absolute, out var payAt))
            throw new PaymentsUnavailableException(new InvalidOperationException("Stripe gave no payment page for the session."));

        await using var documents = store.LightweightSession(workspaceId);
        documents.Store(checkout with { StripeSessionId = session.Id });
        await documents.SaveChangesAsync(ct);
        return payAt;
    }

    /// <summary>
    /// The session Stripe is asked for. Stripe is told the amount, the checkout's id and the campaign's
    /// web name; of her, only the email she gave for a receipt.
    /// </summary>
    public static SessionCreateOptions SessionFor(DonationCheckout checkout, Uri successUrl, Uri cancelUrl)
    {
        var metadata = new Dictionary<string, string> { [DonationMetadata.Checkout] = checkout.Id.ToString() };
        if (checkout.Campaign is not null) metadata[DonationMetadata.Campaign] = checkout.Campaign;
        var monthly = checkout.Kind == DonationKind.Monthly;
        return new SessionCreateOptions
        {
            Mode = monthly ? "subscription" : "payment",
            ClientReferenceId = checkout.Id.ToString(),
            SuccessUrl = successUrl.ToString(),
            CancelUrl = cancelUrl.ToString(),
            CustomerEmail = checkout.Email,
            // A customer for a one-off gift too, so each donor is one Stripe customer the webhook can key on.
            CustomerCreation = monthly ? null : "always",
            Metadata = metadata,
            SubscriptionData = monthly ? new SessionSubscriptionDataOptions { Metadata = new Dictionary<string, string>(metadata) } : null,
            PaymentIntentData = monthly ? null : new SessionPaymentIntentDataOptions { Metadata = new Dictionary<string, string>(metadata) },
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = "gbp",
                        UnitAmount = checkout.AmountPence,
                        ProductData = new SessionLineItemPriceDataProductDataOptions { Name = monthly ? "Monthly donation" : "Donation" },
                        Recurring = monthly ? new SessionLineItemPriceDataRecurringOptions { Interval = "month" } : null,
                    },
                },
            ],
        };
    }
}
