using CharityCMS.Risk;
using CharityCMS.Workspaces;
using Marten;

namespace CharityCMS.Referrals;

/// <summary>One line of the triage queue. No contact details, no address.</summary>
public sealed record ReferralQueueRow(
    Guid Id,
    string Name,
    ReferralSource Source,
    string? Organisation,
    RiskLevel? KnownRisk,
    DateTimeOffset ReceivedAt,
    TimeSpan Waiting,
    ReferralStatus Status,
    DateTimeOffset? TriagedAt,
    string? TriagedBy,
    string? ClientReference,
    bool Contacted,
    int Attempts);

/// <summary>The referral counts a team's caseload shows: how many wait for triage and the longest wait.</summary>
public sealed record ReferralCounts(int Waiting, int WaitingHighRisk, int WaitingSelfReferrals, TimeSpan? LongestWait);

/// <summary>What the triage screens read: the queue, oldest first, recent decisions, and the counts.</summary>
public sealed class ReferralQueue(IDocumentStore store, TimeProvider clock)
{
    public const int QueueLimit = 500;

    /// <summary>Referrals waiting for triage, the longest waiting first.</summary>
    public async Task<IReadOnlyList<ReferralQueueRow>> UntriagedAsync(WorkspaceAccess access, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "see the referral queue");
        await using var session = store.QuerySession(access.WorkspaceId);
        var waiting = await session.Query<Referral>()
            .Where(r => r.Status == ReferralStatus.Untriaged)
            .OrderBy(r => r.ReceivedAt)
            .Take(QueueLimit)
            .ToListAsync(ct);
        return waiting.Select(Row).ToList();
    }

    /// <summary>The latest triage decisions, newest first.</summary>
    public async Task<IReadOnlyList<ReferralQueueRow>> RecentlyTriagedAsync(WorkspaceAccess access, int take, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "see the referral queue");
        await using var session = store.QuerySession(access.WorkspaceId);
        var triaged = await session.Query<Referral>()
            .Where(r => r.Status != ReferralStatus.Untriaged)
            .OrderByDescending(r => r.TriagedAt)
            .Take(Math.Clamp(take, 1, 200))
            .ToListAsync(ct);
        return triaged.Select(Row).ToList();
    }

    public async Task<ReferralCounts> CountsAsync(WorkspaceAccess access, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "see the referral queue");
        await using var session = store.QuerySession(access.WorkspaceId);
        var waiting = session.Query<Referral>().Where(r => r.Status == ReferralStatus.Untriaged);
        var count = await waiting.CountAsync(ct);
        if (count == 0) return new ReferralCounts(0, 0, 0, null);
        var high = await waiting.CountAsync(r => r.KnownRisk == RiskLevel.High, ct);
        var self = await waiting.CountAsync(r => r.Source == ReferralSource.Self, ct);
        var oldest = await waiting.OrderBy(r => r.ReceivedAt).Select(r => r.ReceivedAt).FirstAsync(ct);
        return new ReferralCounts(count, high, self, clock.GetUtcNow() - oldest);
    }

    /// <summary>One referral, for its page.</summary>
    public async Task<Referral?> FindAsync(WorkspaceAccess access, Guid referralId, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "open referrals");
        await using var session = store.QuerySession(access.WorkspaceId);
        return await session.LoadAsync<Referral>(referralId, ct);
    }

    private ReferralQueueRow Row(Referral r) => new(
        r.Id, r.Person.Name, r.Source, r.Referrer?.Organisation, r.KnownRisk, r.ReceivedAt,
        (r.TriagedAt ?? clock.GetUtcNow()) - r.ReceivedAt, r.Status, r.TriagedAt, r.TriagedBy?.Name, r.ClientReference,
        r.FirstContactAt is not null, r.Attempts.Count);
}
