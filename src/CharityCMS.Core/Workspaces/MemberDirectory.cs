using CharityCMS.Audit;
using JasperFx;
using Marten;

namespace CharityCMS.Workspaces;

/// <summary>One workspace a person belongs to, with her membership there.</summary>
public sealed record WorkspaceMembership(Workspace Workspace, Member Member)
{
    public WorkspaceAccess ToAccess() =>
        new(Workspace.Id, Workspace.Name, Member.AsStaff(), Member.Roles.ToHashSet());
}

/// <summary>Every workspace a signed-in person belongs to, and the one she is working in now.</summary>
public sealed record PersonWorkspaces(IReadOnlyList<WorkspaceMembership> Memberships, WorkspaceAccess? Current);

/// <summary>
/// Finds a signed-in person's memberships from the store: the only source of workspace and role.
/// Matched on the Entra object id; an invitation not yet claimed is matched on its email address
/// and claimed by that object id.
/// </summary>
public sealed class MemberDirectory(IDocumentStore store, TimeProvider clock)
{
    public async Task<PersonWorkspaces> ResolveAsync(string objectId, string? email, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var found = await MembershipsOrInvitations(session, objectId, email).ToListAsync(ct);
        var members = found.Where(m => m.HasJoined).ToList();
        var invitations = found.Where(m => !m.HasJoined).ToList();
        if (invitations.Count > 0 && await TryClaimAsync(session, invitations, members, objectId, ct) is { } claimed)
            members.AddRange(claimed);

        var workspaces = await session.LoadManyAsync<Workspace>(ct, members.Select(m => m.WorkspaceId).Distinct().ToArray());
        var memberships = members
            .Join(workspaces, m => m.WorkspaceId, w => w.Id, (m, w) => new WorkspaceMembership(w, m))
            .OrderBy(x => x.Workspace.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

        var choice = await session.LoadAsync<WorkspaceChoice>(objectId, ct);
        var current = memberships.FirstOrDefault(x => x.Workspace.Id == choice?.WorkspaceId) ?? memberships.FirstOrDefault();
        return new PersonWorkspaces(memberships, current?.ToAccess());
    }

    /// <summary>The roles the person holds in the workspace now, or null when she is no longer a member.</summary>
    public async Task<IReadOnlySet<WorkspaceRole>?> CurrentRolesAsync(string objectId, string workspaceId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var member = await session.Query<Member>()
            .FirstOrDefaultAsync(m => m.ObjectId == objectId && m.WorkspaceId == workspaceId, ct);
        return member?.Roles.ToHashSet();
    }

    /// <summary>Makes <paramref name="workspaceId"/> the person's current workspace, if she is a member of it.</summary>
    public async Task<bool> ChooseAsync(string objectId, string workspaceId, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var isMember = await session.Query<Member>().AnyAsync(m => m.ObjectId == objectId && m.WorkspaceId == workspaceId, ct);
        if (!isMember) return false;
        session.Store(new WorkspaceChoice(objectId, workspaceId, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        return true;
    }

    public async Task<IReadOnlyList<Member>> MembersOfAsync(WorkspaceAccess access, CancellationToken ct)
    {
        access.Require(WorkspaceRole.WorkspaceAdmin, "see the member list");
        await using var session = store.QuerySession();
        return await session.Query<Member>()
            .Where(m => m.WorkspaceId == access.WorkspaceId)
            .OrderBy(m => m.DisplayName)
            .ToListAsync(ct);
    }

    private static IQueryable<Member> MembershipsOrInvitations(IQuerySession session, string objectId, string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
            return session.Query<Member>().Where(m => m.ObjectId == objectId);
        var invited = Member.NormaliseEmail(email);
        return session.Query<Member>().Where(m => m.ObjectId == objectId || (m.ObjectId == null && m.Email == invited));
    }

    /// <summary>
    /// Claims the invitations for this person. An invitation to a workspace she already belongs to
    /// is spent instead (she keeps the membership she has). If an admin changed or withdrew an
    /// invitation at the same moment, nothing is claimed now; the next request tries again.
    /// </summary>
    private async Task<List<Member>?> TryClaimAsync(IDocumentSession session, List<Member> invitations, List<Member> joined, string objectId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var claimed = new List<Member>();
        foreach (var invitation in invitations)
        {
            if (joined.Any(m => m.WorkspaceId == invitation.WorkspaceId))
            {
                session.Delete(invitation);
                continue;
            }
            var member = invitation with { ObjectId = objectId, JoinedAt = now };
            session.Update(member);
            session.ForTenant(member.WorkspaceId).Insert(
                AuditEntry.By(member.AsStaff(), member.WorkspaceId, AuditAction.MemberJoined, member.Id, now));
            claimed.Add(member);
        }
        try
        {
            await session.SaveChangesAsync(ct);
            return claimed;
        }
        catch (ConcurrencyException)
        {
            return null;
        }
    }
}
