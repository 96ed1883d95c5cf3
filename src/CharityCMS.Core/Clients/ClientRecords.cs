using CharityCMS.Audit;
using CharityCMS.Workspaces;
using Marten;

namespace CharityCMS.Clients;

/// <summary>What a staff member sees when she opens a client: the record and its history.</summary>
public sealed record ClientRecordView(Client Client, IReadOnlyList<ClientHistoryEntry> History);

/// <summary>The opening of a record could not be written to the audit trail, so the record is not shown.</summary>
public sealed class AuditUnavailableException(Exception inner)
    : Exception("The record was not shown because its opening could not be recorded in the audit trail.", inner);

/// <summary>
/// Opens client records. Every opening is written to the audit trail, and committed, before the
/// record is returned: if the audit write fails the caller gets no record.
/// </summary>
public sealed class ClientRecords(IDocumentStore store, TimeProvider clock)
{
    /// <returns>The record, or null when no such client exists in the member's workspace.</returns>
    public async Task<ClientRecordView?> OpenAsync(WorkspaceAccess access, Guid clientId, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "open client records");

        await using var session = store.LightweightSession(access.WorkspaceId);
        var client = await session.LoadAsync<Client>(clientId, ct);
        if (client is null) return null;

        session.Insert(AuditEntry.By(access.Member, access.WorkspaceId, AuditAction.ClientRecordOpened, clientId, clock.GetUtcNow()));
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new AuditUnavailableException(e);
        }

        var events = await session.Events.FetchStreamAsync(clientId, token: ct);
        return new ClientRecordView(client, ClientHistory.From(events.Select(e => e.Data)));
    }

    /// <summary>How many clients the member's workspace has registered.</summary>
    public async Task<int> CountAsync(WorkspaceAccess access, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "count clients");
        await using var session = store.QuerySession(access.WorkspaceId);
        return await session.Query<Client>().CountAsync(ct);
    }

    /// <summary>Whether the client exists in the member's workspace, without opening (or auditing) the record.</summary>
    public async Task<bool> ExistsAsync(WorkspaceAccess access, Guid clientId, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "open client records");
        await using var session = store.QuerySession(access.WorkspaceId);
        return await session.Query<Client>().AnyAsync(c => c.Id == clientId, ct);
    }
}
