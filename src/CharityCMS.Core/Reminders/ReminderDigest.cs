using CharityCMS.Email;
using CharityCMS.Notifications;
using CharityCMS.Workspaces;
using Marten;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CharityCMS.Reminders;

/// <summary>
/// The record that a member was sent her reminder digest on a London date: the digest's identity
/// (one per member per day) and, with <see cref="SentAt"/>, where the next one starts counting.
/// Counts only, never which clients.
/// </summary>
public sealed record DigestSent(string Id, Guid MemberId, DateOnly Day, DateTimeOffset SentAt, IReadOnlyList<DigestCount> Counts)
{
    public static string IdFor(DateOnly day, Guid memberId) => $"{day:yyyy-MM-dd}:{memberId:N}";
}

/// <summary>How many new unread reminders of one kind a digest counted.</summary>
public sealed record DigestCount(NotificationKind Kind, int Count);

/// <summary>
/// Emails each member who has new unread reminders a digest: how many of each kind, and a link to
/// the app. No client data at all (no names, no references): email leaves our control. Once per
/// member per London day, recorded under an advisory lock per member so a second run, or a second
/// node, sends nothing more. A crash between sending and recording can send one again; it never
/// leaves a digest unrecorded after it was sent and recorded.
/// </summary>
public sealed class ReminderDigest(IDocumentStore store, SmtpMailer mailer, IOptions<AppOptions> app, TimeProvider clock, ILogger<ReminderDigest> logger)
{
    /// <summary>Sends today's digests for one workspace; returns how many were sent.</summary>
    public async Task<int> SendAsync(string workspaceId, CancellationToken ct)
    {
        if (!mailer.IsConfigured)
        {
            logger.LogInformation("Reminder digest skipped for workspace {Workspace}: SMTP is not configured", workspaceId);
            return 0;
        }
        var staff = await WorkspaceStaff.ReadAsync(store, workspaceId, ct);
        var sent = 0;
        var failed = 0;
        foreach (var member in staff.Members)
        {
            // One refused recipient must not stop everyone after her: log by member id (never the address) and go on.
            try
            {
                if (await SendToAsync(workspaceId, member, ct)) sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed++;
                logger.LogWarning(e, "Reminder digest to member {Member} in workspace {Workspace} failed; she is tried again on the next run", member.Id, workspaceId);
            }
        }
        if (failed > 0 && sent == 0) throw new InvalidOperationException($"No reminder digest could be sent in workspace {workspaceId}.");
        logger.LogInformation("Reminder digest: workspace {Workspace}, {Sent} emails sent", workspaceId, sent);
        return sent;
    }

    private async Task<bool> SendToAsync(string workspaceId, Member member, CancellationToken ct)
    {
        await using var locked = await WorkspaceLock.TakeAsync(store, workspaceId, WorkspaceLock.Digest, $"{workspaceId}:{member.Id:N}", ct);
        var session = locked.Session;
        var now = clock.GetUtcNow();
        var today = UkCalendar.DateOf(now);
        if (await session.LoadAsync<DigestSent>(DigestSent.IdFor(today, member.Id), ct) is not null) return false;

        var previous = await session.Query<DigestSent>()
            .Where(d => d.MemberId == member.Id)
            .OrderByDescending(d => d.SentAt)
            .FirstOrDefaultAsync(ct);
        var since = previous?.SentAt ?? DateTimeOffset.MinValue;
        var unread = await session.Query<Notification>()
            .Where(n => n.RecipientId == member.Id && n.ReadAt == null && n.At > since)
            .ToListAsync(ct);
        var counts = unread
            .Where(n => ReminderText.DigestKinds.Contains(n.Kind))
            .GroupBy(n => n.Kind)
            .OrderBy(g => g.Key)
            .Select(g => new DigestCount(g.Key, g.Count()))
            .ToList();
        if (counts.Count == 0) return false;

        var workspace = await session.LoadAsync<Workspace>(workspaceId, ct);
        var funding = unread.Where(n => ReminderText.FundingKinds.Contains(n.Kind)).OrderBy(n => n.At).Select(n => n.Text).ToList();
        await mailer.SendAsync(Compose(member, workspace?.Name, counts, funding), ct);
        session.Insert(new DigestSent(DigestSent.IdFor(today, member.Id), member.Id, today, now, counts));
        await locked.CommitAsync(ct);
        return true;
    }

    private MimeMessage Compose(Member member, string? workspaceName, IReadOnlyList<DigestCount> counts, IReadOnlyList<string> funding)
    {
        // Funding reminders name a grant and a funder, never a client, so they are quoted in full.
        var fundingLines = funding.Count == 0 ? "" : "\n\nFunding dates:\n" + string.Join("\n", funding.Take(20).Select(f => $"- {f}"));
        var total = counts.Sum(c => c.Count);
        var signIn = string.IsNullOrWhiteSpace(app.Value.BaseUrl) ? "Sign in to CharityCMS to see them." : $"Sign in to see them: {app.Value.Link("/notifications")}";
        var lines = string.Join("\n", counts.Select(c => $"- {ReminderText.Count(c.Kind, c.Count)}"));
        var message = new MimeMessage
        {
            Subject = total == 1 ? "CharityCMS: 1 new reminder" : $"CharityCMS: {total} new reminders",
            Body = new TextPart("plain")
            {
                Text = $"""
                    You have new reminders in CharityCMS{(workspaceName is null ? "" : $" ({workspaceName})")}:

                    {lines}{fundingLines}

                    {signIn}

                    This email never names a client. The details are in CharityCMS only.
                    """,
            },
        };
        message.To.Add(new MailboxAddress(member.DisplayName, member.Email));
        return message;
    }
}

internal static class ReminderStorage
{
    public static void Register(StoreOptions options) =>
        options.Schema.For<DigestSent>()
            .StartIndexesByTenantId()
            .Index(x => x.MemberId);
}
