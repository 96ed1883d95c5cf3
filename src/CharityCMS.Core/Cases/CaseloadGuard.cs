using CharityCMS.Audit;
using CharityCMS.Clients;
using CharityCMS.Notifications;
using CharityCMS.Workspaces;
using FluentValidation;
using Marten;

namespace CharityCMS.Cases;

/// <summary>
/// Need to know. Managers reach every client in the workspace; a caseworker reaches the clients on
/// her own caseload (a case allocated to her, open or closed in the last <see cref="ClosedCasesStayFor"/>,
/// or a client she registered herself whose cases have never been allocated to anyone) and, for a
/// few hours, a client she opened "break-glass" with a stated reason, which is audited and tells
/// the managers.
/// </summary>
public sealed class CaseloadGuard(IDocumentStore store, NotificationInbox inbox, TimeProvider clock)
{
    public static readonly TimeSpan BreakGlassLasts = TimeSpan.FromHours(4);
    public static readonly TimeSpan ClosedCasesStayFor = TimeSpan.FromDays(30);
    public const int ReasonMinimumLength = 10;
    public const int ReasonMaximumLength = 500;

    public static async Task<bool> MayReachAsync(IQuerySession session, WorkspaceAccess access, Guid clientId, DateTimeOffset now, CancellationToken ct) =>
        await ReachAsync(session, access, clientId, now, ct) != ClientReach.None;

    /// <summary>How the member reaches the client, if at all.</summary>
    public static async Task<ClientReach> ReachAsync(IQuerySession session, WorkspaceAccess access, Guid clientId, DateTimeOffset now, CancellationToken ct)
    {
        if (access.Has(WorkspaceRole.Manager)) return ClientReach.Manager;
        if (!access.Has(WorkspaceRole.Caseworker)) return ClientReach.None;
        var memberId = access.Member.Id;
        var cases = await session.Query<Case>().Where(c => c.ClientId == clientId).ToListAsync(ct);
        if (cases.Any(c => c.WorkerId == memberId && IsOnHerCaseload(c, now))) return ClientReach.Caseload;
        // Whoever registered her holds the record until a case is allocated; from then on her worker does.
        if (cases.All(c => c.WorkerId is null)
            && await session.Query<Client>().AnyAsync(c => c.Id == clientId && c.RegisteredBy.Id == memberId, ct)) return ClientReach.Caseload;
        var grant = await session.LoadAsync<BreakGlassGrant>(BreakGlassGrant.IdFor(memberId, clientId), ct);
        return grant is not null && grant.Until > now ? ClientReach.BreakGlass : ClientReach.None;
    }

    /// <summary>The clients a caseworker reaches (for her client list and searches); null for a manager, who reaches them all.</summary>
    public static async Task<IReadOnlyCollection<Guid>?> ReachableClientsAsync(IQuerySession session, WorkspaceAccess access, DateTimeOffset now, CancellationToken ct) =>
        (await ReachesAsync(session, access, now, ct))?.Keys.ToHashSet();

    /// <summary>How a caseworker reaches each client she reaches (on her caseload, or by breaking the glass); null for a manager, who reaches them all.</summary>
    public static async Task<IReadOnlyDictionary<Guid, ClientReach>?> ReachesAsync(IQuerySession session, WorkspaceAccess access, DateTimeOffset now, CancellationToken ct)
    {
        if (access.Has(WorkspaceRole.Manager)) return null;
        if (!access.Has(WorkspaceRole.Caseworker)) return new Dictionary<Guid, ClientReach>();
        var memberId = access.Member.Id;
        var cases = await session.Query<Case>().Where(c => c.WorkerId == memberId).ToListAsync(ct);
        var registered = await session.Query<Client>().Where(c => c.RegisteredBy.Id == memberId).Select(c => c.Id).ToListAsync(ct);
        IReadOnlyList<Guid> allocated = registered.Count == 0 ? [] : await session.Query<Case>()
            .Where(c => c.ClientId.IsOneOf(registered.ToArray()) && c.WorkerId != null).Select(c => c.ClientId).ToListAsync(ct);
        var grants = await session.Query<BreakGlassGrant>().Where(g => g.MemberId == memberId && g.Until > now).Select(g => g.ClientId).ToListAsync(ct);
        var reaches = grants.Distinct().ToDictionary(id => id, _ => ClientReach.BreakGlass);
        foreach (var id in cases.Where(c => IsOnHerCaseload(c, now)).Select(c => c.ClientId).Concat(registered.Except(allocated))) reaches[id] = ClientReach.Caseload;
        return reaches;
    }

    private static bool IsOnHerCaseload(Case c, DateTimeOffset now) => c.IsOpen || c.ClosedOn >= UkCalendar.DateOf(now - ClosedCasesStayFor);

    /// <summary>Refuses the call when the client is outside the member's caseload and she has not broken the glass.</summary>
    public async Task RequireAsync(IQuerySession session, WorkspaceAccess access, Guid clientId, CancellationToken ct)
    {
        if (!await MayReachAsync(session, access, clientId, clock.GetUtcNow(), ct)) throw new OutsideCaseloadException();
    }

    public async Task<ClientReach> RequireReachAsync(IQuerySession session, WorkspaceAccess access, Guid clientId, CancellationToken ct)
    {
        var reach = await ReachAsync(session, access, clientId, clock.GetUtcNow(), ct);
        return reach == ClientReach.None ? throw new OutsideCaseloadException() : reach;
    }

    public async Task<bool> MayReachAsync(WorkspaceAccess access, Guid clientId, CancellationToken ct) =>
        await ReachAsync(access, clientId, ct) != ClientReach.None;

    public async Task<ClientReach> ReachAsync(WorkspaceAccess access, Guid clientId, CancellationToken ct)
    {
        await using var session = store.QuerySession(access.WorkspaceId);
        return await ReachAsync(session, access, clientId, clock.GetUtcNow(), ct);
    }

    /// <summary>Opens a client outside the caseload for a while, with a reason; audited, and every manager is told.</summary>
    public async Task BreakGlassAsync(WorkspaceAccess access, Guid clientId, string reason, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "open client records");
        var stated = Text.TidyOrNull(reason, keepLineBreaks: true);
        if (stated is null || stated.Length < ReasonMinimumLength)
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("Reason", $"Say why you need this record (at least {ReasonMinimumLength} characters).")]);
        if (stated.Length > ReasonMaximumLength)
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("Reason", $"Keep the reason under {ReasonMaximumLength} characters.")]);

        await using var session = store.LightweightSession(access.WorkspaceId);
        var client = await session.LoadAsync<Client>(clientId, ct) ?? throw new ClientNotFoundException();
        var now = clock.GetUtcNow();
        session.Store(new BreakGlassGrant(BreakGlassGrant.IdFor(access.Member.Id, clientId), access.Member.Id, clientId, stated, now, now + BreakGlassLasts));
        session.Insert(AuditEntry.By(access.Member, access.WorkspaceId, AuditAction.BreakGlassOpening, clientId, now, stated));
        await inbox.NotifyManagersAsync(session, access.WorkspaceId, NotificationKind.BreakGlassOpening, $"{clientId:N}:{access.Member.Id:N}:{now:yyyyMMddHHmmss}",
            $"{access.Member.Name} opened {client.Reference} outside her caseload.", $"/clients/{clientId}", ct);
        await session.SaveChangesAsync(ct);
    }
}

/// <summary>How a member reaches a client: as a manager, through her caseload, or for a while after breaking the glass.</summary>
public enum ClientReach { None, Manager, Caseload, BreakGlass }

/// <summary>A caseworker's time-limited reach to one client outside her caseload, and why.</summary>
public sealed record BreakGlassGrant(string Id, Guid MemberId, Guid ClientId, string Reason, DateTimeOffset At, DateTimeOffset Until)
{
    public static string IdFor(Guid memberId, Guid clientId) => $"{memberId:N}:{clientId:N}";
}

/// <summary>The client is not on the member's caseload; opening her record needs a stated reason first.</summary>
public sealed class OutsideCaseloadException() : Exception("This client is not on your caseload. Say why you need the record to open it.");
