using CharityCMS.Workspaces;
using Marten;

namespace CharityCMS.Reminders;

/// <summary>The members of one workspace who can receive reminders: those who work with clients and have signed in.</summary>
internal sealed record WorkspaceStaff(IReadOnlyList<Member> Members)
{
    public static async Task<WorkspaceStaff> ReadAsync(IDocumentStore store, string workspaceId, CancellationToken ct)
    {
        await using var platform = store.QuerySession();
        var members = await platform.Query<Member>()
            .Where(m => m.WorkspaceId == workspaceId && m.ObjectId != null)
            .ToListAsync(ct);
        return new WorkspaceStaff(members.Where(m => m.Roles.Any(WorkspaceRoles.ClientRecords.Contains)).ToList());
    }

    /// <summary>The allocated worker while she still works with clients here; otherwise every manager.</summary>
    public IReadOnlyList<Guid> RecipientsOf(DueItem item)
    {
        if (item.WorkerId is { } workerId && Members.Any(m => m.Id == workerId)) return [workerId];
        return Members.Where(m => m.Roles.Contains(WorkspaceRole.Manager)).Select(m => m.Id).ToList();
    }
}
