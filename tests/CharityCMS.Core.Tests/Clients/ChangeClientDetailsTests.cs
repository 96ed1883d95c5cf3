using CharityCMS.Clients;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using Marten;

namespace CharityCMS.Core.Tests.Clients;

public class ChangeClientDetailsTests : DomainDatabase
{
    private ChangeClientDetailsHandler Change => Get<ChangeClientDetailsHandler>();

    private async Task<(WorkspaceAccess Access, Guid ClientId, RegisterClient Registered)> RegisteredClientAsync(TestWorkspace? workspace = null)
    {
        workspace ??= await TestWorkspace.CreateAsync(Store);
        var access = await workspace.AccessAsync(WorkspaceRole.Caseworker);
        var registered = SampleClients.Registration();
        var registration = await Get<RegisterClientHandler>().HandleAsync(access, registered, default);
        return (access, registration.ClientId, registered);
    }

    [Fact]
    public async Task An_edit_records_one_event_for_each_part_that_changed_and_none_for_the_rest()
    {
        var (access, clientId, registered) = await RegisteredClientAsync();
        var edit = SampleClients.Edit(clientId, 1, registered, d => d with { PreferredName = "Jo" }) with { Address = null };

        Assert.Equal(2, await Change.HandleAsync(access, edit, default));

        await using var session = Store.QuerySession(access.WorkspaceId);
        var events = await session.Events.FetchStreamAsync(clientId);
        Assert.Equal([typeof(ClientRegistered), typeof(ClientDetailsChanged), typeof(ClientAddressChanged)], events.Select(e => e.EventType));
        var client = await session.LoadAsync<Client>(clientId);
        Assert.Equal("Jo", client!.DisplayName);
        Assert.Null(client.Address);
        Assert.Equal(3, client.Version);
    }

    [Fact]
    public async Task Saving_an_unchanged_form_records_nothing()
    {
        var (access, clientId, registered) = await RegisteredClientAsync();

        Assert.Equal(0, await Change.HandleAsync(access, SampleClients.Edit(clientId, 1, registered), default));

        await using var session = Store.QuerySession(access.WorkspaceId);
        Assert.Single(await session.Events.FetchStreamAsync(clientId));
    }

    [Fact]
    public async Task A_save_against_an_old_version_is_refused_with_who_changed_it_and_when()
    {
        var team = await TestWorkspace.CreateAsync(Store);
        var (first, clientId, registered) = await RegisteredClientAsync(team);
        var workspace = first.WorkspaceId;
        Clock.Advance(TimeSpan.FromMinutes(5));
        await Change.HandleAsync(first, SampleClients.Edit(clientId, 1, registered, d => d with { Pronouns = "they/them" }), default);

        var second = await team.AccessAsync(WorkspaceRole.Manager);
        var stale = SampleClients.Edit(clientId, 1, registered, d => d with { PreferredName = "Stale" });
        var refused = await Assert.ThrowsAsync<ClientChangedElsewhereException>(() => Change.HandleAsync(second, stale, default));

        Assert.Equal(first.Member.Name, refused.ChangedBy);
        Assert.Equal(Clock.GetUtcNow(), refused.ChangedAt);
        await using var session = Store.QuerySession(workspace);
        Assert.Equal(2, (await session.Events.FetchStreamAsync(clientId)).Count);
        Assert.Equal("they/them", (await session.LoadAsync<Client>(clientId))!.Details.Pronouns);
    }

    [Fact]
    public async Task A_stale_save_from_outside_her_caseload_is_refused_without_saying_who_changed_the_record()
    {
        var team = await TestWorkspace.CreateAsync(Store);
        var (first, clientId, registered) = await RegisteredClientAsync(team);
        await Change.HandleAsync(first, SampleClients.Edit(clientId, 1, registered, d => d with { Pronouns = "they/them" }), default);

        var outsider = await team.AccessAsync(WorkspaceRole.Caseworker);
        var stale = SampleClients.Edit(clientId, 1, registered, d => d with { PreferredName = "Stale" });

        await Assert.ThrowsAsync<CharityCMS.Cases.OutsideCaseloadException>(() => Change.HandleAsync(outsider, stale, default));
    }

    [Fact]
    public async Task Two_simultaneous_edits_of_one_client_save_one_and_refuse_the_other_without_losing_an_event()
    {
        var workspace = await TestWorkspace.CreateAsync(Store);
        var (access, clientId, registered) = await RegisteredClientAsync(workspace);
        var other = await workspace.AccessAsync(WorkspaceRole.Manager);

        var outcomes = await Task.WhenAll(
            Attempt(access, SampleClients.Edit(clientId, 1, registered, d => d with { PreferredName = "Alex" })),
            Attempt(other, SampleClients.Edit(clientId, 1, registered, d => d with { PreferredName = "Sam" })));

        Assert.Single(outcomes, o => o is int);
        Assert.Single(outcomes, o => o is ClientChangedElsewhereException);
        await using var session = Store.QuerySession(access.WorkspaceId);
        var events = await session.Events.FetchStreamAsync(clientId);
        Assert.Equal(2, events.Count);
        var saved = (ClientDetailsChanged)events[1].Data;
        Assert.Equal(saved.Details.PreferredName, (await session.LoadAsync<Client>(clientId))!.DisplayName);

        async Task<object> Attempt(WorkspaceAccess who, ChangeClientDetails edit)
        {
            try { return await Change.HandleAsync(who, edit, default); }
            catch (ClientChangedElsewhereException e) { return e; }
        }
    }

    [Fact]
    public async Task An_approximate_age_carried_forward_to_today_and_sent_back_unchanged_is_not_an_edit()
    {
        var access = await (await TestWorkspace.CreateAsync(Store)).AccessAsync(WorkspaceRole.Caseworker);
        var registered = SampleClients.Registration() with { Details = SampleClients.Registration().Details with { DateOfBirth = null, ApproximateAge = 30 } };
        var clientId = (await Get<RegisterClientHandler>().HandleAsync(access, registered, default)).ClientId;
        Clock.Advance(TimeSpan.FromDays(2 * 365 + 10));

        var sameAgeAsShown = SampleClients.Edit(clientId, 1, registered, d => d with { ApproximateAge = 32 });
        Assert.Equal(0, await Change.HandleAsync(access, sameAgeAsShown, default));

        var corrected = SampleClients.Edit(clientId, 1, registered, d => d with { ApproximateAge = 40 });
        Assert.Equal(1, await Change.HandleAsync(access, corrected, default));
    }

    [Fact]
    public async Task A_client_of_another_workspace_cannot_be_edited_and_is_reported_not_found()
    {
        var (_, clientId, registered) = await RegisteredClientAsync();
        var outsider = await (await TestWorkspace.CreateAsync(Store)).AccessAsync(WorkspaceRole.Manager);

        await Assert.ThrowsAsync<ClientNotFoundException>(() => Change.HandleAsync(outsider, SampleClients.Edit(clientId, 1, registered), default));
    }
}
