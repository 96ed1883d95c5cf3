using CharityCMS.Audit;
using FluentValidation;
using Marten;

namespace CharityCMS.Workspaces;

/// <summary>A workspace admin invites a person by email address; her first sign-in with that address claims the place.</summary>
public sealed record InviteMember(string Email, string DisplayName, IReadOnlyList<WorkspaceRole> Roles);

public sealed class InviteMemberValidator : AbstractValidator<InviteMember>
{
    public InviteMemberValidator()
    {
        RuleFor(x => x.Email).MemberEmail();
        RuleFor(x => x.DisplayName).MemberName();
        RuleFor(x => x.Roles).ValidRoles();
    }
}

public sealed class InviteMemberHandler(IDocumentStore store, IValidator<InviteMember> validator, TimeProvider clock)
{
    public async Task<Member> HandleAsync(WorkspaceAccess access, InviteMember command, CancellationToken ct)
    {
        access.Require(WorkspaceRole.WorkspaceAdmin, "invite members");
        await validator.ValidateAndThrowAsync(command, ct);
        var email = Member.NormaliseEmail(command.Email);

        await using var session = store.LightweightSession(access.WorkspaceId);
        await MembershipRules.LockMembershipAsync(session, access.WorkspaceId, ct);
        if (await session.Query<Member>().AnyAsync(m => m.WorkspaceId == access.WorkspaceId && m.Email == email, ct))
            throw new ValidationException([new(nameof(InviteMember.Email), "Someone with this email address is already a member or invited.")]);

        var now = clock.GetUtcNow();
        var member = new Member(Guid.NewGuid(), access.WorkspaceId, email, command.DisplayName.Trim(),
            command.Roles.Distinct().Order().ToList(), now, access.Member.Name);
        session.Insert(member);
        session.Insert(AuditEntry.By(access.Member, access.WorkspaceId, AuditAction.MemberInvited, member.Id, now, MembershipRules.Describe(member.Roles)));
        await session.SaveChangesAsync(ct);
        return member;
    }
}
