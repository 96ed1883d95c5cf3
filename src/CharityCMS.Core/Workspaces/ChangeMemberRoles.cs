using CharityCMS.Audit;
using FluentValidation;
using JasperFx;
using Marten;

namespace CharityCMS.Workspaces;

/// <summary>A workspace admin sets a member's roles. Open browser tabs of that member pick the change up on revalidation.</summary>
public sealed record ChangeMemberRoles(Guid MemberId, IReadOnlyList<WorkspaceRole> Roles);

public sealed class ChangeMemberRolesValidator : AbstractValidator<ChangeMemberRoles>
{
    public ChangeMemberRolesValidator()
    {
        RuleFor(x => x.Roles).ValidRoles();
    }
}

public sealed class ChangeMemberRolesHandler(IDocumentStore store, IValidator<ChangeMemberRoles> validator, TimeProvider clock)
{
    public async Task HandleAsync(WorkspaceAccess access, ChangeMemberRoles command, CancellationToken ct)
    {
        access.Require(WorkspaceRole.WorkspaceAdmin, "change members' roles");
        await validator.ValidateAndThrowAsync(command, ct);

        await using var session = store.LightweightSession(access.WorkspaceId);
        await MembershipRules.LockMembershipAsync(session, access.WorkspaceId, ct);
        var member = await MembershipRules.LoadInWorkspaceAsync(session, access, command.MemberId, ct);
        var roles = command.Roles.Distinct().Order().ToList();
        if (!roles.Contains(WorkspaceRole.WorkspaceAdmin))
            await MembershipRules.EnsureAnotherAdminAsync(session, access, member.Id, ct);

        session.Update(member with { Roles = roles });
        session.Insert(AuditEntry.By(access.Member, access.WorkspaceId, AuditAction.MemberRolesChanged, member.Id, clock.GetUtcNow(), MembershipRules.Describe(roles)));
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (ConcurrencyException)
        {
            throw MembershipRules.ChangedMeanwhile();
        }
    }
}
