using CharityCMS.Workspaces;
using Marten;

namespace CharityCMS.Grants;

/// <summary>What the grant screens read. Managers only.</summary>
public sealed class GrantQueries(IDocumentStore store)
{
    public async Task<IReadOnlyList<Grant>> AllAsync(WorkspaceAccess access, CancellationToken ct)
    {
        access.Require(WorkspaceRole.Manager, "see grants");
        await using var session = store.QuerySession(access.WorkspaceId);
        var grants = await session.Query<Grant>().Where(g => !g.IsDeleted).ToListAsync(ct);
        return grants.OrderByDescending(g => g.EndsOn).ThenBy(g => g.Terms.Title).ToList();
    }

    public async Task<Grant> GetAsync(WorkspaceAccess access, Guid grantId, CancellationToken ct)
    {
        access.Require(WorkspaceRole.Manager, "see grants");
        await using var session = store.QuerySession(access.WorkspaceId);
        return await session.LoadAsync<Grant>(grantId, ct) is { IsDeleted: false } grant ? grant : throw new GrantNotFoundException();
    }

    /// <summary>Who can look after a grant: the workspace's managers.</summary>
    public async Task<IReadOnlyList<StaffMember>> OwnersAsync(WorkspaceAccess access, CancellationToken ct)
    {
        access.Require(WorkspaceRole.Manager, "see grants");
        await using var platform = store.QuerySession();
        var members = await platform.Query<Member>().Where(m => m.WorkspaceId == access.WorkspaceId).OrderBy(m => m.DisplayName).ToListAsync(ct);
        return members.Where(m => m.Roles.Contains(WorkspaceRole.Manager)).Select(m => m.AsStaff()).ToList();
    }

    /// <summary>Every change to the grant, newest first, in words, with who and when.</summary>
    public async Task<IReadOnlyList<GrantHistoryEntry>> HistoryAsync(WorkspaceAccess access, Guid grantId, CancellationToken ct)
    {
        access.Require(WorkspaceRole.Manager, "see grants");
        await using var session = store.QuerySession(access.WorkspaceId);
        var events = await session.Events.FetchStreamAsync(grantId, token: ct);
        if (events.Count == 0) throw new GrantNotFoundException();
        return GrantHistory.Describe(events.Select(e => e.Data).OfType<WorkspaceEvent>()).Reverse().ToList();
    }
}
