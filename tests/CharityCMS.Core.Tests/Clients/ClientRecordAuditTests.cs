using CharityCMS.Audit;
using CharityCMS.Clients;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using Marten;
using Npgsql;

namespace CharityCMS.Core.Tests.Clients;

public class ClientRecordAuditTests : DomainDatabase
{
    private async Task<(TestWorkspace Workspace, WorkspaceAccess Caseworker, Guid ClientId)> ClientAsync()
    {
        var workspace = await TestWorkspace.CreateAsync(Store);
        var caseworker = await workspace.AccessAsync(WorkspaceRole.Caseworker);
        var registration = await Get<RegisterClientHandler>().HandleAsync(caseworker, SampleClients.Registration(), default);
        return (workspace, caseworker, registration.ClientId);
    }

    private async Task<IReadOnlyList<AuditEntry>> OpeningsAsync(string workspace, Guid clientId)
    {
        await using var session = Store.QuerySession(workspace);
        return await session.Query<AuditEntry>().Where(a => a.SubjectId == clientId && a.Action == AuditAction.ClientRecordOpened).ToListAsync();
    }

    [Fact]
    public async Task Opening_a_record_writes_exactly_one_audit_entry_naming_who_and_when()
    {
        var (_, caseworker, clientId) = await ClientAsync();

        var view = await Get<ClientRecords>().OpenAsync(caseworker, clientId, default);

        Assert.NotNull(view);
        var entry = Assert.Single(await OpeningsAsync(caseworker.WorkspaceId, clientId));
        Assert.Equal(caseworker.Member.Id, entry.ActorId);
        Assert.Equal(caseworker.WorkspaceId, entry.WorkspaceId);
        Assert.Equal(Clock.GetUtcNow(), entry.At);
    }

    [Fact]
    public async Task When_the_audit_write_fails_the_record_is_not_shown()
    {
        var (_, caseworker, clientId) = await ClientAsync();
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var sabotage = new NpgsqlCommand("""
                create function cms.refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'audit store unavailable'; end $$;
                create trigger refuse_audit before insert on cms.mt_doc_auditentry for each row execute function cms.refuse_audit();
                """, connection);
            await sabotage.ExecuteNonQueryAsync();
        }

        await Assert.ThrowsAsync<AuditUnavailableException>(() => Get<ClientRecords>().OpenAsync(caseworker, clientId, default));
    }

    [Fact]
    public async Task The_history_lists_registration_and_each_change_with_the_parts_changed()
    {
        var (_, caseworker, clientId) = await ClientAsync();
        var registered = SampleClients.Registration();
        await Get<ChangeClientDetailsHandler>().HandleAsync(caseworker,
            SampleClients.Edit(clientId, 1, registered, d => d with { PreferredName = "Jay", Pronouns = "they/them" }), default);

        var view = await Get<ClientRecords>().OpenAsync(caseworker, clientId, default);

        Assert.Equal(["Registered", "Personal details changed"], view!.History.Select(h => h.What));
        Assert.Equal(["preferred name", "pronouns"], view.History[1].ChangedParts);
    }

    [Theory]
    [InlineData(true, false, "Address marked do not disclose")]
    [InlineData(false, true, "Address marked as a refuge")]
    [InlineData(true, true, "Address marked as a refuge; Address marked do not disclose")]
    public async Task Marking_the_same_address_confidential_shows_in_the_history_as_that_marking(bool doNotDisclose, bool refuge, string expected)
    {
        var (_, caseworker, clientId) = await ClientAsync();
        var registered = SampleClients.Registration();
        await Get<ChangeClientDetailsHandler>().HandleAsync(caseworker,
            SampleClients.Edit(clientId, 1, registered with { Address = registered.Address! with { DoNotDisclose = doNotDisclose, IsRefuge = refuge } }), default);

        var view = await Get<ClientRecords>().OpenAsync(caseworker, clientId, default);

        Assert.Equal(expected, view!.History[^1].What);
    }

    [Fact]
    public async Task A_client_of_another_workspace_is_not_found_and_no_audit_is_written_there()
    {
        var (workspace, _, clientId) = await ClientAsync();
        var outsider = await (await TestWorkspace.CreateAsync(Store)).AccessAsync(WorkspaceRole.Manager);

        Assert.Null(await Get<ClientRecords>().OpenAsync(outsider, clientId, default));
        Assert.False(await Get<ClientRecords>().ExistsAsync(outsider, clientId, default));
        Assert.Empty(await OpeningsAsync(workspace.Id, clientId));
    }

    [Fact]
    public async Task A_manager_sees_who_viewed_a_record_and_a_caseworker_may_not()
    {
        var (workspace, caseworker, clientId) = await ClientAsync();
        var manager = await workspace.AccessAsync(WorkspaceRole.Manager);
        await Get<ClientRecords>().OpenAsync(caseworker, clientId, default);
        Clock.Advance(TimeSpan.FromMinutes(3));
        await Get<ClientRecords>().OpenAsync(manager, clientId, default);

        var views = await Get<AuditTrail>().ForSubjectAsync(manager, clientId, AuditAction.ClientRecordOpened, 50, default);

        Assert.Equal([manager.Member.Name, caseworker.Member.Name], views.Select(v => v.ActorName));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Get<AuditTrail>().ForSubjectAsync(caseworker, clientId, AuditAction.ClientRecordOpened, 50, default));
    }
}
