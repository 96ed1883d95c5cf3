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
        var events = await session.Events.FetchStreamAsync(caseId, token: ct);
        return new CaseView(found, client, CaseTimeline.From(events.Select(e => e.Data)));
    }

    /// <summary>The timeline again after a change, within the same (already audited) view.</summary>
    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(WorkspaceAccess access, Case current, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "open cases");
        await using var session = store.QuerySession(access.WorkspaceId);
        await guard.RequireAsync(session, access, current.ClientId, ct);
        var events = await session.Events.FetchStreamAsync(current.Id, token: ct);
        return CaseTimeline.From(events.Select(e => e.Data));
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
