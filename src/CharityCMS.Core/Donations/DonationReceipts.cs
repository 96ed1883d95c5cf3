using CharityCMS.Email;
using CharityCMS.Reminders;
using CharityCMS.Workspaces;
using Marten;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace CharityCMS.Donations;

public enum ReceiptKind
{
    /// <summary>Thank you, with what she gave and when.</summary>
    Gift,
    /// <summary>The written record HMRC expects of a Gift Aid declaration made online.</summary>
    GiftAidConfirmation,
}

/// <summary>
/// An email owed to a donor, written in the same transaction as the gift or declaration it is
/// about (so none is lost and none is owed twice), and sent afterwards by a background job: the
/// webhook answers Stripe at once and never waits for a mail server.
/// </summary>
public sealed record ReceiptDue(string Id, ReceiptKind Kind, Guid DonorId, Guid? DonationId, Guid? DeclarationId, DateTimeOffset QueuedAt, DateTimeOffset? SentAt = null)
{
    public static ReceiptDue ForGift(Guid donorId, Guid donationId, DateTimeOffset at) => new($"gift:{donationId:N}", ReceiptKind.Gift, donorId, donationId, null, at);

    public static ReceiptDue ForDeclaration(Guid donorId, Guid declarationId, DateTimeOffset at) =>
        new($"gift-aid:{declarationId:N}", ReceiptKind.GiftAidConfirmation, donorId, null, declarationId, at);
}

/// <summary>Sends a workspace's receipts that are due, once each, under an advisory lock so two runs never both send one.</summary>
public sealed class DonationReceipts(IDocumentStore store, SmtpMailer mailer, TimeProvider clock, ILogger<DonationReceipts> logger)
{
    public async Task<int> SendDueAsync(string workspaceId, CancellationToken ct)
    {
        if (!mailer.IsConfigured)
        {
            logger.LogInformation("Donation receipts for workspace {Workspace} wait: SMTP is not configured", workspaceId);
            return 0;
        }
        await using var locked = await WorkspaceLock.TakeAsync(store, workspaceId, WorkspaceLock.Receipts, workspaceId, ct);
        var session = locked.Session;
        var due = await session.Query<ReceiptDue>().Where(r => r.SentAt == null).OrderBy(r => r.QueuedAt).Take(200).ToListAsync(ct);
        if (due.Count == 0) return 0;
        await using var platform = store.QuerySession();
        var charity = (await platform.LoadAsync<Workspace>(workspaceId, ct))?.Name ?? workspaceId;
        var sent = 0;
        foreach (var receipt in due)
        {
            // A month's payment can come before the checkout that records her: she is written to once it has.
            if (await session.LoadAsync<Donor>(receipt.DonorId, ct) is not { } donor) continue;
            var donation = receipt.DonationId is { } id ? await session.LoadAsync<Donation>(id, ct) : null;
            if (donor.Email is not { } email || Compose(receipt, charity, donor, email, donation) is not { } message)
            {
                // Nobody to write to (she gave no email), or nothing left to thank her for: settled without a message.
                session.Store(receipt with { SentAt = clock.GetUtcNow() });
                continue;
            }
            await mailer.SendAsync(message, ct);
            session.Store(receipt with { SentAt = clock.GetUtcNow() });
            // Recorded as each one goes, so a failure later in the batch never sends this one again.
            await session.SaveChangesAsync(ct);
            sent++;
        }
        await locked.CommitAsync(ct);
        logger.LogInformation("Donation receipts: workspace {Workspace}, {Sent} emails sent", workspaceId, sent);
        return sent;
    }

    private static MimeMessage? Compose(ReceiptDue receipt, string charity, Donor donor, string email, Donation? donation)
    {
        string subject, text;
        if (receipt.Kind == ReceiptKind.Gift)
        {
            if (donation is not { IsReceived: true }) return null;
            var day = UkCalendar.DateOf(donation.ReceivedAt!.Value);
            var giftAid = donor.DeclarationCovering(day) is not null
                ? $"\n\nYou told us you are a UK taxpayer, so {charity} will claim Gift Aid on this gift: 25p more for every pound, at no cost to you."
                : "";
            subject = $"Thank you for your gift to {charity}";
            text = $"""
                Dear {donor.Name ?? "friend"},

                Thank you for your {(donation.Kind == DonationKind.Monthly ? "monthly gift" : "gift")} of {Money.FromPence(donation.AmountPence)} to {charity}, received on {day:d MMMM yyyy}.{giftAid}

                Please keep this email as your receipt. Reference: {donation.StripePaymentIntentId}.

                With our thanks,
                {charity}
                """;
        }
        else
        {
            if (donor.Declarations.SingleOrDefault(d => d.Id == receipt.DeclarationId) is not { } declaration) return null;
            var who = declaration.Declarant;
            subject = $"Your Gift Aid declaration to {charity}";
            text = $"""
                Dear {who.FullName},

                This is the written record of the Gift Aid declaration you made online on {declaration.MadeOn:d MMMM yyyy}.

                Name: {who.FullName}
                Home address: {who.HouseNameOrNumber} {who.AddressLines}, {who.Postcode}
                Charity: {charity}

                You said: I am a UK taxpayer and I want {charity} to treat this gift, every gift I have made in the four years before it, and every gift I make from now on as Gift Aid donations. I understand that if I pay less Income Tax and/or Capital Gains Tax in a tax year than the Gift Aid claimed on all my donations in that year, it is my responsibility to pay the difference.

                Please tell us if you want to cancel this declaration, if you change your name or home address, or if you no longer pay enough Income Tax or Capital Gains Tax. You can cancel within 30 days of this email, and at any time after that for future gifts.

                {charity}
                """;
        }
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = text } };
        message.To.Add(new MailboxAddress(donor.Name ?? "", email));
        return message;
    }
}
