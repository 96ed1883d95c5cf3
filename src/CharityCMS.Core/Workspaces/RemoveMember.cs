using CharityCMS.Audit;
using Marten;

namespace CharityCMS.Workspaces;

/// <summary>A workspace admin removes a member or withdraws an invitation. Open tabs lose access on revalidation.</summary>
public sealed record RemoveMember(Guid MemberId);

public sealed class RemoveMemberHandler(IDocumentStore store, TimeProvider clock)
{
    public async Task HandleAsync(WorkspaceAccess access, RemoveMember command, CancellationToken ct)
    {
        access.Require(WorkspaceRole.WorkspaceAdmin, "remove members");

        await using var session = store.LightweightSession(access.WorkspaceId);
        await MembershipRules.LockMembershipAsync(session, access.WorkspaceId, ct);
        var member = await MembershipRules.LoadInWorkspaceAsync(session, access, command.MemberId, ct);
        if (member.Roles.Contains(WorkspaceRole.WorkspaceAdmin))
            await MembershipRules.EnsureAnotherAdminAsync(session, access, member.Id, ct);

        session.Delete(member);
        session.Insert(AuditEntry.By(access.Member, access.WorkspaceId, AuditAction.MemberRemoved, member.Id, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
    }
}
