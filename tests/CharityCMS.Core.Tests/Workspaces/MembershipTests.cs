using CharityCMS.Audit;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using FluentValidation;
using Marten;

namespace CharityCMS.Core.Tests.Workspaces;

public class MembershipTests : DomainDatabase
{
    private MemberDirectory Directory => Get<MemberDirectory>();

    [Fact]
    public async Task An_operator_creates_a_workspace_whose_first_admin_claims_it_at_first_sign_in_by_email()
    {
        var created = await Get<CreateWorkspaceHandler>().HandleAsync(new PlatformOperator("op-1", "Olu Operator"),
            new CreateWorkspace("Eastfield Women's Centre", "eastfield", "EWC", "Admin.Person@Eastfield.example", "Ada Admin"), default);

        var person = await Directory.ResolveAsync("entra-oid-ada", "admin.person@eastfield.example", default);

        Assert.Equal(created.Id, person.Current!.WorkspaceId);
        Assert.Equal([WorkspaceRole.WorkspaceAdmin], person.Current.Roles);
        var again = await Directory.ResolveAsync("entra-oid-ada", email: null, default);
        Assert.Equal(created.Id, again.Current!.WorkspaceId);
        await using var session = Store.QuerySession(created.Id);
        Assert.Contains(await session.Query<AuditEntry>().ToListAsync(), a => a.Action == AuditAction.MemberJoined);
    }

    [Fact]
    public async Task A_taken_web_name_is_refused_with_a_message()
    {
        var create = new CreateWorkspace("First", "taken-name", "FST", "a@first.example", "A Person");
        await Get<CreateWorkspaceHandler>().HandleAsync(new PlatformOperator("op", "Op"), create, default);

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            Get<CreateWorkspaceHandler>().HandleAsync(new PlatformOperator("op", "Op"), create with { Name = "Second" }, default));
        Assert.Contains(refused.Errors, e => e.PropertyName == "Slug" && e.ErrorMessage == "That web name is already taken.");
    }

    [Fact]
    public async Task An_invitation_for_one_address_is_not_claimed_by_another_person()
    {
        var workspace = await TestWorkspace.CreateAsync(Store);
        var admin = await workspace.AccessAsync(WorkspaceRole.WorkspaceAdmin);
        await Get<InviteMemberHandler>().HandleAsync(admin, new InviteMember("invited@example.org", "Invited Person", [WorkspaceRole.Caseworker]), default);

        var stranger = await Directory.ResolveAsync("entra-oid-stranger", "someone.else@example.org", default);

        Assert.Null(stranger.Current);
        Assert.Empty(stranger.Memberships);
    }

    [Fact]
    public async Task A_person_in_two_workspaces_works_in_the_one_she_chose_last()
    {
        var first = await TestWorkspace.CreateAsync(Store, "alpha-" + Guid.NewGuid().ToString("N")[..6]);
        var second = await TestWorkspace.CreateAsync(Store, "beta-" + Guid.NewGuid().ToString("N")[..6]);
        var (member, _) = await first.AddMemberAsync("Two Places", WorkspaceRole.Manager);
        var admin = await second.AccessAsync(WorkspaceRole.WorkspaceAdmin);
        await Get<InviteMemberHandler>().HandleAsync(admin, new InviteMember(member.Email, member.DisplayName, [WorkspaceRole.Caseworker]), default);
        await Directory.ResolveAsync(member.ObjectId!, member.Email, default);

        Assert.True(await Directory.ChooseAsync(member.ObjectId!, second.Id, default));
        var person = await Directory.ResolveAsync(member.ObjectId!, member.Email, default);

        Assert.Equal(2, person.Memberships.Count);
        Assert.Equal(second.Id, person.Current!.WorkspaceId);
        Assert.Equal([WorkspaceRole.Caseworker], person.Current.Roles);
    }

    [Fact]
    public async Task Nobody_can_choose_a_workspace_she_does_not_belong_to()
    {
        var workspace = await TestWorkspace.CreateAsync(Store);
        var other = await TestWorkspace.CreateAsync(Store);
        var (member, _) = await workspace.AddMemberAsync("Only Here", WorkspaceRole.Caseworker);

        Assert.False(await Directory.ChooseAsync(member.ObjectId!, other.Id, default));
        Assert.Equal(workspace.Id, (await Directory.ResolveAsync(member.ObjectId!, null, default)).Current!.WorkspaceId);
    }

    [Fact]
    public async Task Changing_roles_and_removing_a_member_show_at_once_in_her_current_roles()
    {
        var workspace = await TestWorkspace.CreateAsync(Store);
        var admin = await workspace.AccessAsync(WorkspaceRole.WorkspaceAdmin);
        var (member, _) = await workspace.AddMemberAsync("Changing Roles", WorkspaceRole.Caseworker);

        await Get<ChangeMemberRolesHandler>().HandleAsync(admin, new ChangeMemberRoles(member.Id, [WorkspaceRole.Manager, WorkspaceRole.Caseworker]), default);
        Assert.Equal(new HashSet<WorkspaceRole> { WorkspaceRole.Caseworker, WorkspaceRole.Manager }, await Directory.CurrentRolesAsync(member.ObjectId!, workspace.Id, default));

        await Get<RemoveMemberHandler>().HandleAsync(admin, new RemoveMember(member.Id), default);
        Assert.Null(await Directory.CurrentRolesAsync(member.ObjectId!, workspace.Id, default));
    }

    [Fact]
    public async Task The_last_workspace_admin_cannot_be_removed_or_lose_the_role()
    {
        var workspace = await TestWorkspace.CreateAsync(Store);
        var (adminMember, admin) = await workspace.AddMemberAsync("Only Admin", WorkspaceRole.WorkspaceAdmin);

        var removing = await Assert.ThrowsAsync<ValidationException>(() => Get<RemoveMemberHandler>().HandleAsync(admin, new RemoveMember(adminMember.Id), default));
        var demoting = await Assert.ThrowsAsync<ValidationException>(() =>
            Get<ChangeMemberRolesHandler>().HandleAsync(admin, new ChangeMemberRoles(adminMember.Id, [WorkspaceRole.Manager]), default));

        Assert.All([removing, demoting], e => Assert.Contains(e.Errors, f => f.ErrorMessage == "The workspace must keep at least one workspace admin who has signed in."));
    }

    [Fact]
    public async Task Two_admins_demoting_each_other_at_once_leave_one_admin()
    {
        var workspace = await TestWorkspace.CreateAsync(Store);
        var (first, firstAccess) = await workspace.AddMemberAsync("First Admin", WorkspaceRole.WorkspaceAdmin);
        var (second, secondAccess) = await workspace.AddMemberAsync("Second Admin", WorkspaceRole.WorkspaceAdmin);
        var change = Get<ChangeMemberRolesHandler>();

        var outcomes = await Task.WhenAll(
            Attempt(() => change.HandleAsync(firstAccess, new ChangeMemberRoles(second.Id, [WorkspaceRole.Manager]), default)),
            Attempt(() => change.HandleAsync(secondAccess, new ChangeMemberRoles(first.Id, [WorkspaceRole.Manager]), default)));

        Assert.Single(outcomes, refused => refused);
        var admins = 0;
        foreach (var member in new[] { first, second })
            if ((await Directory.CurrentRolesAsync(member.ObjectId!, workspace.Id, default))!.Contains(WorkspaceRole.WorkspaceAdmin)) admins++;
        Assert.Equal(1, admins);

        static async Task<bool> Attempt(Func<Task> action)
        {
            try { await action(); return false; }
            catch (ValidationException) { return true; }
        }
    }

    [Fact]
    public async Task An_invitation_for_a_workspace_she_already_belongs_to_is_spent_and_leaves_one_membership()
    {
        var workspace = await TestWorkspace.CreateAsync(Store);
        var (member, _) = await workspace.AddMemberAsync("Already Here", WorkspaceRole.Caseworker);
        await using (var session = Store.LightweightSession())
        {
            session.Insert(new Member(Guid.NewGuid(), workspace.Id, "new.address@example.org", "Already Here", [WorkspaceRole.Manager], DateTimeOffset.UtcNow, "test"));
            await session.SaveChangesAsync();
        }

        var person = await Directory.ResolveAsync(member.ObjectId!, "new.address@example.org", default);

        Assert.Single(person.Memberships);
        Assert.Equal([WorkspaceRole.Caseworker], person.Current!.Roles);
        await using var check = Store.QuerySession();
        Assert.Equal(1, await check.Query<Member>().CountAsync(m => m.WorkspaceId == workspace.Id && m.DisplayName == "Already Here"));
    }

    [Fact]
    public async Task An_admin_cannot_change_a_member_of_another_workspace()
    {
        var workspace = await TestWorkspace.CreateAsync(Store);
        var other = await TestWorkspace.CreateAsync(Store);
        var admin = await workspace.AccessAsync(WorkspaceRole.WorkspaceAdmin);
        var (outsider, _) = await other.AddMemberAsync("Elsewhere", WorkspaceRole.Caseworker);

        await Assert.ThrowsAsync<ValidationException>(() => Get<RemoveMemberHandler>().HandleAsync(admin, new RemoveMember(outsider.Id), default));
        Assert.NotNull(await Directory.CurrentRolesAsync(outsider.ObjectId!, other.Id, default));
    }

    [Theory]
    [InlineData("", "Name", "Enter an email address.")]
    [InlineData("not-an-email", "Name", "Enter an email address like name@example.org.")]
    [InlineData("a@b.example", "", "Enter the person's name.")]
    public async Task Invitations_with_missing_or_malformed_details_are_refused(string email, string name, string message)
    {
        var admin = await (await TestWorkspace.CreateAsync(Store)).AccessAsync(WorkspaceRole.WorkspaceAdmin);
        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            Get<InviteMemberHandler>().HandleAsync(admin, new InviteMember(email, name, [WorkspaceRole.Caseworker]), default));
        Assert.Contains(refused.Errors, e => e.ErrorMessage == message);
    }

    [Fact]
    public async Task Only_a_workspace_admin_may_invite()
    {
        var manager = await (await TestWorkspace.CreateAsync(Store)).AccessAsync(WorkspaceRole.Manager);
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Get<InviteMemberHandler>().HandleAsync(manager, new InviteMember("x@example.org", "X", [WorkspaceRole.Caseworker]), default));
    }
}
