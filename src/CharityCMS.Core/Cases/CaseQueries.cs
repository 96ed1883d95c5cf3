using CharityCMS.Audit;
using CharityCMS.Clients;
using CharityCMS.Workspaces;
using Marten;

namespace CharityCMS.Cases;

/// <summary>What the case page shows: the case, its client's record and its timeline.</summary>
public sealed record CaseView(Case Case, Client Client, IReadOnlyList<TimelineEntry> Timeline);

/// <summary>Reads cases for the screens, within the member's reach; opening a case is audited like opening her record.</summary>
public sealed class CaseQueries(IDocumentStore store, CaseloadGuard guard, TimeProvider clock)
{
    /// <returns>The case, or null when no such case exists in the member's workspace.</returns>
    /// <exception cref="OutsideCaseloadException">Its client is not on the member's caseload.</exception>
    public async Task<CaseView?> OpenAsync(WorkspaceAccess access, Guid caseId, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "open cases");
        await using var session = store.LightweightSession(access.WorkspaceId);
        var found = await session.LoadAsync<Case>(caseId, ct);
        if (found is null) return null;
        await guard.RequireAsync(session, access, found.ClientId, ct);
        var client = await session.LoadAsync<Client>(found.ClientId, ct) ?? throw new ClientNotFoundException();
        await ClientRecords.CommitAuditAsync(session,
            AuditEntry.By(access.Member, access.WorkspaceId, AuditAction.ClientRecordOpened, client.Id, clock.GetUtcNow(), "case"), ct);
        return new CaseView(found, client, await TimelineOfAsync(session, found, ct));
    }

    /// <summary>The case's own events, and those of her completed risk assessments and MARAC referrals while it was open.</summary>
    private static async Task<IReadOnlyList<TimelineEntry>> TimelineOfAsync(IQuerySession session, Case current, CancellationToken ct)
    {
        var clientId = current.ClientId;
        var assessments = await session.Query<Risk.RiskAssessment>()
            .Where(a => a.ClientId == clientId && a.Status == Risk.RiskAssessmentStatus.Completed).Select(a => a.Id).ToListAsync(ct);
        var referrals = await session.Query<Marac.MaracReferral>().Where(r => r.ClientId == clientId).Select(r => r.Id).ToListAsync(ct);
        var from = UkCalendar.At(current.OpenedOn, TimeOnly.MinValue);
        var until = current.ClosedOn is { } closed ? UkCalendar.At(closed.AddDays(1), TimeOnly.MinValue) : DateTimeOffset.MaxValue;
        var events = new List<object>();
        events.AddRange((await session.Events.FetchStreamAsync(current.Id, token: ct)).Select(e => e.Data));
        foreach (var streamId in assessments.Concat(referrals))
            events.AddRange((await session.Events.FetchStreamAsync(streamId, token: ct))
                .Select(e => e.Data).OfType<WorkspaceEvent>().Where(e => e.At >= from && e.At < until));
        return CaseTimeline.From(events);
    }

    /// <summary>
    /// The case, her record (safe-contact rules may have changed) and the timeline again, within the
    /// same (already audited) view: after a change, or to catch up with someone else's.
    /// </summary>
    public async Task<CaseView?> RefreshAsync(WorkspaceAccess access, Guid caseId, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "open cases");
        await using var session = store.QuerySession(access.WorkspaceId);
        var found = await session.LoadAsync<Case>(caseId, ct);
        if (found is null) return null;
        await guard.RequireAsync(session, access, found.ClientId, ct);
        var client = await session.LoadAsync<Client>(found.ClientId, ct) ?? throw new ClientNotFoundException();
        return new CaseView(found, client, await TimelineOfAsync(session, found, ct));
    }

    /// <summary>Whose case it is, without reading her record: for the break-glass prompt.</summary>
    public async Task<Guid?> ClientOfAsync(WorkspaceAccess access, Guid caseId, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "open cases");
        await using var session = store.QuerySession(access.WorkspaceId);
        return (await session.LoadAsync<Case>(caseId, ct))?.ClientId;
    }

    public async Task<bool> ExistsAsync(WorkspaceAccess access, Guid caseId, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "open cases");
        await using var session = store.QuerySession(access.WorkspaceId);
        return await session.Query<Case>().AnyAsync(c => c.Id == caseId, ct);
    }

    /// <summary>Her cases, newest first.</summary>
    public async Task<IReadOnlyList<Case>> ForClientAsync(WorkspaceAccess access, Guid clientId, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "see cases");
        await using var session = store.QuerySession(access.WorkspaceId);
        await guard.RequireAsync(session, access, clientId, ct);
        var cases = await session.Query<Case>().Where(c => c.ClientId == clientId).ToListAsync(ct);
        return cases.OrderByDescending(c => c.OpenedOn).ThenByDescending(c => c.Id).ToList();
    }
}
