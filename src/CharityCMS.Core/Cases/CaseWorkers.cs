using CharityCMS.Workspaces;
using Marten;

namespace CharityCMS.Cases;

/// <summary>The members a case can be allocated to: those who work with clients in the workspace.</summary>
public sealed class CaseWorkers(IDocumentStore store)
{
    public async Task<IReadOnlyList<StaffMember>> AllAsync(string workspaceId, CancellationToken ct)
    {
        await using var platform = store.QuerySession();
        var members = await platform.Query<Member>()
            .Where(m => m.WorkspaceId == workspaceId)
            .OrderBy(m => m.DisplayName)
            .ToListAsync(ct);
        return members.Where(WorksWithClients).Select(m => m.AsStaff()).ToList();
    }

    /// <summary>The worker with that member id, refused when she is not one of this workspace's client-facing staff.</summary>
    public async Task<StaffMember> FindAsync(string workspaceId, Guid memberId, CancellationToken ct)
    {
        await using var platform = store.QuerySession();
        var member = await platform.LoadAsync<Member>(memberId, ct);
        if (member is null || member.WorkspaceId != workspaceId || !WorksWithClients(member))
            throw new CaseworkRuleException("Choose a caseworker or manager of this workspace.");
        return member.AsStaff();
    }

    private static bool WorksWithClients(Member member) => member.Roles.Any(WorkspaceRoles.ClientRecords.Contains);
}
