using FluentValidation;
using Marten;

namespace CharityCMS.Workspaces;

/// <summary>Rules shared by the commands that change a workspace's members.</summary>
internal static class MembershipRules
{
    public static string Describe(IEnumerable<WorkspaceRole> roles) => string.Join(", ", roles.Select(r => r.Title()));

    /// <summary>
    /// Starts the session's transaction holding the workspace's membership lock, so two admins
    /// changing members at once are served one after the other: without it, each could demote the
    /// other and leave the workspace with no admin.
    /// </summary>
    public static async Task LockMembershipAsync(IDocumentSession session, string workspaceId, CancellationToken ct)
    {
        await session.BeginTransactionAsync(ct);
        await session.AdvancedSql.QueryAsync<bool>("select true from pg_advisory_xact_lock(hashtextextended(?, 0))", ct, "members:" + workspaceId);
    }

    /// <summary>Loads a member of the caller's own workspace; a member of another workspace is "not found".</summary>
    public static async Task<Member> LoadInWorkspaceAsync(IQuerySession session, WorkspaceAccess access, Guid memberId, CancellationToken ct)
    {
        var member = await session.LoadAsync<Member>(memberId, ct);
        if (member is null || member.WorkspaceId != access.WorkspaceId)
            throw new ValidationException([new("MemberId", "That member was not found in this workspace. Reload the page.")]);
        return member;
    }

    /// <summary>
    /// A workspace always keeps at least one admin who has signed in, or nobody could manage its
    /// members again (an invitation to a mistyped address would not do).
    /// </summary>
    public static async Task EnsureAnotherAdminAsync(IQuerySession session, WorkspaceAccess access, Guid leavingAdminId, CancellationToken ct)
    {
        var others = await session.Query<Member>()
            .Where(m => m.WorkspaceId == access.WorkspaceId && m.Id != leavingAdminId)
            .ToListAsync(ct);
        if (!others.Any(m => m.HasJoined && m.Roles.Contains(WorkspaceRole.WorkspaceAdmin)))
            throw new ValidationException([new("Roles", "The workspace must keep at least one workspace admin who has signed in.")]);
    }

    public static ValidationException ChangedMeanwhile() =>
        new([new("MemberId", "Someone changed this member at the same moment. Reload the page and try again.")]);
}
