using CharityCMS.Clients;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using Marten;

namespace CharityCMS.Core.Tests.Clients;

public class EqualityMonitoringTests : DomainDatabase
{
    private static readonly EqualityMonitoring Given = new(Gender.Woman, Ethnicity.PreferNotToSay, Disability.Yes, null);

    private async Task<(WorkspaceAccess Access, ClientRegistration Registration, RegisterClient Command)> RegisterAsync(EqualityMonitoring? monitoring)
    {
        var workspace = await TestWorkspace.CreateAsync(Store);
        var access = await workspace.AccessAsync(WorkspaceRole.Caseworker);
        var command = SampleClients.Registration() with { Monitoring = monitoring };
        return (access, await Get<RegisterClientHandler>().HandleAsync(access, command, default), command);
    }

    private async Task<(Client Client, IReadOnlyList<Type> Events)> ReadAsync(WorkspaceAccess access, Guid clientId)
    {
        await using var session = Store.QuerySession(access.WorkspaceId);
        var events = await session.Events.FetchStreamAsync(clientId);
        return ((await session.LoadAsync<Client>(clientId))!, events.Select(e => e.EventType).ToList());
    }

    [Fact]
    public async Task Registration_with_monitoring_records_it_in_its_own_event_after_the_registration()
    {
        var (access, registration, _) = await RegisterAsync(Given);

        var (client, events) = await ReadAsync(access, registration.ClientId);
        Assert.Equal([typeof(ClientRegistered), typeof(ClientEqualityMonitoringChanged)], events);
        Assert.Equal(Given, client.Monitoring);
        Assert.Equal(2, registration.Version);
    }

    [Fact]
    public async Task Registration_without_monitoring_records_only_the_registration_and_nothing_is_recorded()
    {
        var (access, registration, _) = await RegisterAsync(null);

        var (client, events) = await ReadAsync(access, registration.ClientId);
        Assert.Equal([typeof(ClientRegistered)], events);
        Assert.Equal(EqualityMonitoring.NotRecorded, client.Monitoring);
    }

    [Fact]
    public async Task An_edit_records_monitoring_only_when_it_differs_and_the_history_never_lists_the_answers()
    {
        var (access, registration, command) = await RegisterAsync(Given);
        var change = Get<ChangeClientDetailsHandler>();
        var edit = new ChangeClientDetails(registration.ClientId, registration.Version, command.Details, command.Contact, command.Address, Given);

        Assert.Equal(0, await change.HandleAsync(access, edit, default));
        Assert.Equal(0, await change.HandleAsync(access, edit with { Monitoring = null }, default));
        Assert.Equal(1, await change.HandleAsync(access, edit with { Monitoring = Given with { SexualOrientation = SexualOrientation.PreferNotToSay } }, default));

        var (client, _) = await ReadAsync(access, registration.ClientId);
        Assert.Equal(SexualOrientation.PreferNotToSay, client.Monitoring.SexualOrientation);
        await using var session = Store.QuerySession(access.WorkspaceId);
        var history = ClientHistory.From((await session.Events.FetchStreamAsync(registration.ClientId)).Select(e => e.Data));
        var entry = history[^1];
        Assert.Equal("Equality monitoring changed", entry.What);
        Assert.Empty(entry.ChangedParts);
    }

    [Fact]
    public void Every_answer_has_a_title_and_each_question_offers_prefer_not_to_say()
    {
        Assert.Equal("Black, Black British, Caribbean or African", Ethnicity.Black.Title());
        Assert.Equal("Another ethnic group", Ethnicity.OtherEthnicGroup.Title());
        Assert.All(Enum.GetValues<Ethnicity>(), e => Assert.False(string.IsNullOrEmpty(e.Title())));
        Assert.Equal("Prefer not to say", Gender.PreferNotToSay.Title());
        Assert.Equal("Prefer not to say", Disability.PreferNotToSay.Title());
        Assert.Equal("Prefer not to say", SexualOrientation.PreferNotToSay.Title());
    }
}
