using FluentValidation;
using Marten;

namespace CharityCMS.Workspaces;

/// <summary>Rules shared by the commands that change a workspace's members.</summary>
internal static class MemberRoles
{
    public static string Describe(IEnumerable<WorkspaceRole> roles) => string.Join(", ", roles.Select(r => r.Title()));

    /// <summary>Loads a member of the caller's own workspace; a member of another workspace is "not found".</summary>
    public static async Task<Member> LoadInWorkspaceAsync(IQuerySession session, WorkspaceAccess access, Guid memberId, CancellationToken ct)
    {
        var member = await session.LoadAsync<Member>(memberId, ct);
        if (member is null || member.WorkspaceId != access.WorkspaceId)
            throw new ValidationException([new("MemberId", "That member was not found in this workspace.")]);
        return member;
    }

    /// <summary>A workspace always keeps at least one admin, or nobody could manage its members again.</summary>
    public static async Task EnsureAnotherAdminAsync(IQuerySession session, WorkspaceAccess access, Guid leavingAdminId, CancellationToken ct)
    {
        var admins = await session.Query<Member>()
            .Where(m => m.WorkspaceId == access.WorkspaceId && m.Id != leavingAdminId)
            .ToListAsync(ct);
        if (!admins.Any(m => m.Roles.Contains(WorkspaceRole.WorkspaceAdmin)))
            throw new ValidationException([new("Roles", "The workspace must keep at least one workspace admin.")]);
    }
}
