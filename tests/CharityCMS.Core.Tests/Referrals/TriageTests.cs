using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.Notifications;
using CharityCMS.Referrals;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using FluentValidation;
using Marten;

namespace CharityCMS.Core.Tests.Referrals;

public class TriageTests : DomainDatabase
{
    private TriageReferralHandler Triage => Get<TriageReferralHandler>();

    private async Task<(WorkspaceAccess Access, Guid ReferralId)> ReferralAsync(string name = "Rita Referred", DateOnly? born = null)
    {
        var access = await (await TestWorkspace.CreateAsync(Store, prefix: "TRI")).AccessAsync(WorkspaceRole.Caseworker);
        var id = await Get<ReceiveReferralHandler>().HandleAsync(access, SampleReferrals.FromPolice(Clock.GetUtcNow().AddDays(-2), name, born), default);
        return (access, id);
    }

    private async Task<Referral> LoadAsync(WorkspaceAccess access, Guid id)
    {
        await using var session = Store.QuerySession(access.WorkspaceId);
        return (await session.LoadAsync<Referral>(id))!;
    }

    [Fact]
    public async Task Accepting_into_a_new_client_registers_her_opens_a_case_and_links_both_to_the_referral()
    {
        var (access, id) = await ReferralAsync();
        var referral = await LoadAsync(access, id);

        var accepted = await Triage.AcceptAsync(access, new AcceptReferral(id, referral.Version, null, referral.ToRegistration(), CaseService.Idva, access.Member.Id), default);

        await using var session = Store.QuerySession(access.WorkspaceId);
        var client = await session.LoadAsync<Client>(accepted.ClientId);
        var opened = await session.LoadAsync<Case>(accepted.CaseId);
        var after = await LoadAsync(access, id);
        Assert.Equal("Rita Referred", client!.Details.LegalName);
        Assert.Equal("TRI-000001", accepted.ClientReference);
        Assert.True(client.Address!.DoNotDisclose);
        Assert.Equal(accepted.ClientId, opened!.ClientId);
        Assert.Equal(id, opened.ReferralId);
        Assert.Equal(CaseService.Idva, opened.Service);
        Assert.Equal(access.Member.Id, opened.WorkerId);
        Assert.Equal(ReferralStatus.Accepted, after.Status);
        Assert.Equal((accepted.ClientId, accepted.CaseId), (after.ClientId!.Value, after.CaseId!.Value));
    }

    [Fact]
    public async Task Accepting_into_an_existing_client_opens_a_case_for_her_and_registers_nobody()
    {
        var (access, id) = await ReferralAsync();
        var existing = await Get<RegisterClientHandler>().HandleAsync(access, SampleClients.Registration("Rita Referred"), default);
        var referral = await LoadAsync(access, id);

        var accepted = await Triage.AcceptAsync(access, new AcceptReferral(id, referral.Version, existing.ClientId, null, CaseService.Outreach, null), default);

        await using var session = Store.QuerySession(access.WorkspaceId);
        Assert.Equal(existing.ClientId, accepted.ClientId);
        Assert.Equal(1, await session.Query<Client>().CountAsync());
        var opened = await session.LoadAsync<Case>(accepted.CaseId);
        Assert.Equal((existing.ClientId, CaseService.Outreach), (opened!.ClientId, opened.Service));
        Assert.Null(opened.WorkerId);
    }

    [Fact]
    public async Task An_acceptance_that_fails_leaves_no_client_no_case_and_the_referral_waiting()
    {
        var (caseworker, id) = await ReferralAsync();
        // A manager, who may allocate to anyone, so the acceptance fails only at the worker who is not there.
        var access = await (await TestWorkspace.CreateAsync(Store)).AccessAsync(WorkspaceRole.Manager) with { WorkspaceId = caseworker.WorkspaceId };
        var referral = await LoadAsync(access, id);
        var stranger = Guid.NewGuid();

        var refused = await Assert.ThrowsAsync<CaseworkRuleException>(() =>
            Triage.AcceptAsync(access, new AcceptReferral(id, referral.Version, null, referral.ToRegistration(), CaseService.Idva, stranger), default));

        Assert.Equal("Choose a caseworker or manager of this workspace.", refused.Message);

        await using var session = Store.QuerySession(access.WorkspaceId);
        Assert.Equal(0, await session.Query<Client>().CountAsync());
        Assert.Equal(0, await session.Query<Case>().CountAsync());
        Assert.Equal(ReferralStatus.Untriaged, (await LoadAsync(access, id)).Status);
    }

    [Fact]
    public async Task Declining_records_the_reason_and_who_declined()
    {
        var (access, id) = await ReferralAsync();

        await Triage.DeclineAsync(access, new DeclineReferral(id, 1, "Lives outside our area; <b>no</b> capacity."), default);

        var after = await LoadAsync(access, id);
        Assert.Equal(ReferralStatus.Declined, after.Status);
        Assert.Equal("Lives outside our area; <b>no</b> capacity.", after.DeclineReason);
        Assert.Equal(access.Member, after.TriagedBy);
    }

    [Fact]
    public async Task Signposting_records_the_organisation_and_note()
    {
        var (access, id) = await ReferralAsync();

        await Triage.SignpostAsync(access, new SignpostReferral(id, 1, "Leeds Rape Crisis", "Better placed for ISVA support."), default);

        var after = await LoadAsync(access, id);
        Assert.Equal(ReferralStatus.Signposted, after.Status);
        Assert.Equal(("Leeds Rape Crisis", "Better placed for ISVA support."), (after.SignpostedTo, after.SignpostNote));
    }

    [Fact]
    public async Task A_triaged_referral_cannot_be_triaged_again()
    {
        var (access, id) = await ReferralAsync();
        await Triage.DeclineAsync(access, new DeclineReferral(id, 1, "Out of area."), default);

        var refused = await Assert.ThrowsAsync<CaseworkRuleException>(() =>
            Triage.SignpostAsync(access, new SignpostReferral(id, 2, "Somewhere else", null), default));

        Assert.StartsWith("This referral was already declined by", refused.Message);
        Assert.Equal(ReferralStatus.Declined, (await LoadAsync(access, id)).Status);
    }

    [Fact]
    public async Task A_decision_on_a_stale_version_is_refused_with_who_changed_it_and_when()
    {
        var (access, id) = await ReferralAsync();
        var colleague = await (await TestWorkspace.CreateAsync(Store)).AccessAsync(WorkspaceRole.Manager) with { WorkspaceId = access.WorkspaceId };
        await Get<LogFirstContactAttemptHandler>().HandleAsync(colleague,
            new LogFirstContactAttempt(id, ContactMethod.Call, false, Clock.GetUtcNow(), SampleReferrals.SafePhone, "No answer"), default);

        var refused = await Assert.ThrowsAsync<ReferralChangedElsewhereException>(() =>
            Triage.DeclineAsync(access, new DeclineReferral(id, 1, "Out of area."), default));

        Assert.Equal(colleague.Member.Name, refused.ChangedBy);
        Assert.Equal(Clock.GetUtcNow(), refused.ChangedAt);
        Assert.Equal(ReferralStatus.Untriaged, (await LoadAsync(access, id)).Status);
    }

    [Fact]
    public async Task Accepting_needs_either_an_existing_client_or_a_new_one()
    {
        var (access, id) = await ReferralAsync();

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            Triage.AcceptAsync(access, new AcceptReferral(id, 1, null, null, CaseService.Idva, null), default));

        Assert.Contains(refused.Errors, e => e.ErrorMessage == "Choose an existing client, or register her as a new client.");
    }

    [Theory]
    [InlineData(WorkspaceRole.Fundraiser)]
    [InlineData(WorkspaceRole.WorkspaceAdmin)]
    public async Task Members_who_do_not_work_with_clients_cannot_triage_or_see_the_queue(WorkspaceRole role)
    {
        var (access, id) = await ReferralAsync();
        var other = access with { Roles = new HashSet<WorkspaceRole> { role } };

        await Assert.ThrowsAsync<AccessDeniedException>(() => Triage.DeclineAsync(other, new DeclineReferral(id, 1, "No."), default));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Get<ReferralQueue>().UntriagedAsync(other, default));
    }

    [Fact]
    public async Task Possible_duplicates_are_clients_with_a_similar_name_or_the_same_date_of_birth()
    {
        var (access, id) = await ReferralAsync("Jayne Smyth", new DateOnly(1979, 3, 14));
        var register = Get<RegisterClientHandler>();
        var similar = await register.HandleAsync(access, SampleClients.Registration("Jane Smyth", phone: "07700 900301"), default);
        var sameBirthday = await register.HandleAsync(access, SampleClients.Registration("Other Person", phone: "07700 900302") is var r
            ? r with { Details = r.Details with { DateOfBirth = new DateOnly(1979, 3, 14) } } : r, default);
        await register.HandleAsync(access, SampleClients.Registration("Unrelated Woman", phone: "07700 900303"), default);

        var duplicates = await Get<ReferralDuplicates>().FindAsync(access, id, default);

        Assert.Equal([sameBirthday.ClientId, similar.ClientId], duplicates.Select(d => d.ClientId));
        Assert.True(duplicates[0].SameDateOfBirth);
        Assert.Equal(("Jane Smyth", similar.Reference), (duplicates[1].Name, duplicates[1].Reference));
    }

    [Fact]
    public async Task A_client_the_suggestions_missed_is_found_by_her_reference_typed_any_way()
    {
        var (access, _) = await ReferralAsync();
        var registered = await Get<RegisterClientHandler>().HandleAsync(access, SampleClients.Registration("Completely Different"), default);

        var found = await Get<ReferralDuplicates>().FindByReferenceAsync(access, " " + registered.Reference.ToLowerInvariant(), default);

        Assert.Equal(registered.ClientId, found?.ClientId);
        Assert.Null(await Get<ReferralDuplicates>().FindByReferenceAsync(access, "TRI-999999", default));
    }

    /// <summary>A referral seen by a caseworker, and a client registered by a manager, so outside the caseworker's caseload.</summary>
    private async Task<(WorkspaceAccess Caseworker, WorkspaceAccess Manager, Guid ReferralId, ClientRegistration Outside)> ReferralAndOutsideClientAsync(
        string name = "Rita Referred", DateOnly? born = null)
    {
        var workspace = await TestWorkspace.CreateAsync(Store, prefix: "OUT");
        var caseworker = (await workspace.AddMemberAsync("Hannah Worker", WorkspaceRole.Caseworker)).Access;
        var manager = (await workspace.AddMemberAsync("Grace Manager", WorkspaceRole.Manager)).Access;
        var id = await Get<ReceiveReferralHandler>().HandleAsync(caseworker, SampleReferrals.FromPolice(Clock.GetUtcNow().AddDays(-2), name, born), default);
        var registration = SampleClients.Registration(name);
        if (born is not null) registration = registration with { Details = registration.Details with { DateOfBirth = born } };
        var outside = await Get<RegisterClientHandler>().HandleAsync(manager, registration, default);
        return (caseworker, manager, id, outside);
    }

    [Fact]
    public async Task Linking_a_referral_to_a_client_outside_her_caseload_is_refused_and_nothing_is_written()
    {
        var (caseworker, _, id, outside) = await ReferralAndOutsideClientAsync();

        var refused = await Assert.ThrowsAsync<CaseworkRuleException>(() =>
            Triage.AcceptAsync(caseworker, new AcceptReferral(id, 1, outside.ClientId, null, CaseService.Idva, caseworker.Member.Id), default));

        Assert.Contains("Ask a manager to accept it", refused.Message);
        Assert.Contains("break the glass", refused.Message);
        await using var session = Store.QuerySession(caseworker.WorkspaceId);
        Assert.Equal(0, await session.Query<Case>().CountAsync());
        Assert.Equal(ReferralStatus.Untriaged, (await LoadAsync(caseworker, id)).Status);
        Assert.False(await Get<CaseloadGuard>().MayReachAsync(caseworker, outside.ClientId, default));
    }

    [Fact]
    public async Task After_breaking_the_glass_a_caseworker_links_the_referral_into_a_case_a_manager_will_allocate()
    {
        var (caseworker, _, id, outside) = await ReferralAndOutsideClientAsync();
        await Get<CaseloadGuard>().BreakGlassAsync(caseworker, outside.ClientId, "She called the duty line about this referral.", default);

        await Assert.ThrowsAsync<CaseworkRuleException>(() =>
            Triage.AcceptAsync(caseworker, new AcceptReferral(id, 1, outside.ClientId, null, CaseService.Idva, caseworker.Member.Id), default));
        var accepted = await Triage.AcceptAsync(caseworker, new AcceptReferral(id, 1, outside.ClientId, null, CaseService.Idva, null), default);

        await using var session = Store.QuerySession(caseworker.WorkspaceId);
        var opened = await session.LoadAsync<Case>(accepted.CaseId);
        Assert.Equal(outside.ClientId, opened!.ClientId);
        Assert.Null(opened.WorkerId);
    }

    [Fact]
    public async Task A_manager_links_a_referral_to_any_client_and_allocates_the_case()
    {
        var (caseworker, manager, id, outside) = await ReferralAndOutsideClientAsync();

        var accepted = await Triage.AcceptAsync(manager, new AcceptReferral(id, 1, outside.ClientId, null, CaseService.Idva, caseworker.Member.Id), default);

        await using var session = Store.QuerySession(manager.WorkspaceId);
        Assert.Equal(caseworker.Member.Id, (await session.LoadAsync<Case>(accepted.CaseId))!.WorkerId);
        Assert.True(await Get<CaseloadGuard>().MayReachAsync(caseworker, outside.ClientId, default));
    }

    [Fact]
    public async Task A_caseworker_accepting_into_a_new_client_cannot_allocate_the_case_to_someone_else()
    {
        var (caseworker, manager, id, _) = await ReferralAndOutsideClientAsync();
        var referral = await LoadAsync(caseworker, id);

        var refused = await Assert.ThrowsAsync<CaseworkRuleException>(() =>
            Triage.AcceptAsync(caseworker, new AcceptReferral(id, referral.Version, null, referral.ToRegistration(), CaseService.Idva, manager.Member.Id), default));

        Assert.StartsWith("Only a manager can allocate a case to someone else", refused.Message);
        Assert.Equal(ReferralStatus.Untriaged, (await LoadAsync(caseworker, id)).Status);
    }

    [Fact]
    public async Task Possible_duplicates_outside_her_caseload_show_only_their_reference()
    {
        var born = new DateOnly(1979, 3, 14);
        var (caseworker, manager, id, outside) = await ReferralAndOutsideClientAsync("Jayne Smyth", born);
        var duplicates = Get<ReferralDuplicates>();

        var seen = Assert.Single(await duplicates.FindAsync(caseworker, id, default));
        var byReference = await duplicates.FindByReferenceAsync(caseworker, outside.Reference, default);
        var managerSees = Assert.Single(await duplicates.FindAsync(manager, id, default));

        Assert.Equal(new PossibleDuplicate(outside.ClientId, outside.Reference, null, null, false, ClientReach.None), seen);
        Assert.True(seen.OutsideCaseload);
        Assert.Equal(seen, byReference);
        Assert.Equal(new PossibleDuplicate(outside.ClientId, outside.Reference, "Jayne Smyth", born, true, ClientReach.Manager), managerSees);
    }

    [Fact]
    public async Task A_possible_duplicate_reached_by_breaking_the_glass_says_so_and_not_that_she_is_on_the_caseload()
    {
        var (caseworker, _, id, outside) = await ReferralAndOutsideClientAsync();
        var duplicates = Get<ReferralDuplicates>();
        await Get<CaseloadGuard>().BreakGlassAsync(caseworker, outside.ClientId, "She called the duty line about this referral.", default);

        var seen = Assert.Single(await duplicates.FindAsync(caseworker, id, default));
        var byReference = await duplicates.FindByReferenceAsync(caseworker, outside.Reference, default);

        Assert.Equal((ClientReach.BreakGlass, false), (seen.Reach, seen.OutsideCaseload));
        Assert.Equal(seen, byReference);
    }

    [Fact]
    public async Task A_possible_duplicate_she_registered_is_on_her_caseload()
    {
        var (caseworker, _, id, _) = await ReferralAndOutsideClientAsync();
        await Get<RegisterClientHandler>().HandleAsync(caseworker, SampleClients.Registration("Rita Referred"), default);

        var reaches = (await Get<ReferralDuplicates>().FindAsync(caseworker, id, default)).Select(d => d.Reach);

        Assert.Equal([ClientReach.Caseload, ClientReach.None], reaches);
    }

    [Fact]
    public async Task A_self_referral_lands_in_the_queue_and_tells_every_manager_without_her_name()
    {
        var workspace = await TestWorkspace.CreateAsync(Store, prefix: "SLF");
        var (manager, _) = await workspace.AddMemberAsync("Mandy Manager", WorkspaceRole.Manager);
        var caseworker = await workspace.AccessAsync(WorkspaceRole.Caseworker);

        var id = await Get<SubmitSelfReferralHandler>().HandleAsync(workspace.Id, SampleReferrals.SelfReferral("Sally Selfreferrer"), default);

        var queue = await Get<ReferralQueue>().UntriagedAsync(caseworker, default);
        Assert.Equal(id, Assert.Single(queue).Id);
        Assert.Equal(ReferralSource.Self, queue[0].Source);
        await using var session = Store.QuerySession(workspace.Id);
        var notification = Assert.Single(await session.Query<Notification>().ToListAsync());
        Assert.Equal((manager.Id, NotificationKind.SelfReferralReceived), (notification.RecipientId, notification.Kind));
        Assert.DoesNotContain("Sally", notification.Text);
        Assert.Equal($"/referrals/{id}", notification.Link);
    }

    [Fact]
    public async Task A_self_referral_to_an_unknown_web_name_is_refused()
    {
        await Assert.ThrowsAsync<UnknownWorkspaceException>(() =>
            Get<SubmitSelfReferralHandler>().HandleAsync("no-such-charity", SampleReferrals.SelfReferral(), default));
    }

    [Fact]
    public async Task The_queue_lists_waiting_referrals_oldest_first_and_counts_the_longest_wait()
    {
        var access = await (await TestWorkspace.CreateAsync(Store)).AccessAsync(WorkspaceRole.Manager);
        var receive = Get<ReceiveReferralHandler>();
        var now = Clock.GetUtcNow();
        var newer = await receive.HandleAsync(access, SampleReferrals.FromPolice(now.AddDays(-1), "Newer Referral"), default);
        var older = await receive.HandleAsync(access, SampleReferrals.FromPolice(now.AddDays(-3), "Older Referral"), default);
        var done = await receive.HandleAsync(access, SampleReferrals.FromPolice(now.AddDays(-5), "Done Referral"), default);
        await Triage.DeclineAsync(access, new DeclineReferral(done, 1, "Out of area."), default);

        var queue = Get<ReferralQueue>();
        Assert.Equal([older, newer], (await queue.UntriagedAsync(access, default)).Select(r => r.Id));
        Assert.Equal([done], (await queue.RecentlyTriagedAsync(access, 10, default)).Select(r => r.Id));
        var counts = await queue.CountsAsync(access, default);
        Assert.Equal(2, counts.Waiting);
        Assert.Equal(2, counts.WaitingHighRisk);
        Assert.Equal(TimeSpan.FromDays(3), counts.LongestWait);
    }

    public static TheoryData<string, Func<ReceiveReferral, ReceiveReferral>, string> InvalidReferrals() => new()
    {
        { "ReceivedAt", r => r with { ReceivedAt = r.ReceivedAt.AddDays(30) }, "The date received cannot be in the future." },
        { "Reason", r => r with { Reason = " " }, "Enter the reason for the referral." },
        { "Reason", r => r with { Reason = new string('x', 4001) }, "The reason can be at most 4,000 characters." },
        { "Referrer.Organisation", r => r with { Referrer = r.Referrer with { Organisation = "" } }, "Enter the referring organisation." },
        { "Person.Name", r => r with { Person = r.Person with { Name = "" } }, "Enter her name, or the name she would like us to use." },
        { "Person.DateOfBirth", r => r with { Person = r.Person with { DateOfBirth = new DateOnly(2027, 1, 1) } }, "The date of birth cannot be in the future." },
        { "Person.ApproximateAge", r => r with { Person = r.Person with { DateOfBirth = null, ApproximateAge = 150 } }, "An age must be between 0 and 120." },
        { "Source", r => r with { Source = ReferralSource.Self }, "A self-referral arrives through the public form; choose the agency that referred her." },
    };

    [Theory]
    [MemberData(nameof(InvalidReferrals))]
    public async Task An_invalid_referral_is_refused_with_a_message_for_the_field_and_nothing_is_written(string field, Func<ReceiveReferral, ReceiveReferral> spoil, string message)
    {
        var access = await (await TestWorkspace.CreateAsync(Store)).AccessAsync(WorkspaceRole.Caseworker);

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            Get<ReceiveReferralHandler>().HandleAsync(access, spoil(SampleReferrals.FromPolice(Clock.GetUtcNow())), default));

        Assert.Contains(refused.Errors, e => e.PropertyName == field && e.ErrorMessage == message);
        await using var session = Store.QuerySession(access.WorkspaceId);
        Assert.Equal(0, await session.Query<Referral>().CountAsync());
    }
}
