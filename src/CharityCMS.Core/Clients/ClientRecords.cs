using CharityCMS.Audit;
using CharityCMS.Cases;
using CharityCMS.Workspaces;
using FluentValidation;
using Marten;

namespace CharityCMS.Clients;

/// <summary>What a staff member sees when she opens a client: the record and its history.</summary>
public sealed record ClientRecordView(Client Client, IReadOnlyList<ClientHistoryEntry> History);

/// <summary>The opening of a record could not be written to the audit trail, so the record is not shown.</summary>
public sealed class AuditUnavailableException(Exception inner)
    : Exception("The record was not shown because its opening could not be recorded in the audit trail.", inner);

/// <summary>
/// Opens client records. Every opening is written to the audit trail, and committed, before the
/// record is returned: if the audit write fails the caller gets no record. A caseworker reaches
/// only her caseload (see <see cref="CaseloadGuard"/>).
/// </summary>
public sealed class ClientRecords(IDocumentStore store, CaseloadGuard guard, TimeProvider clock)
{
    public const int RevealReasonMinimumLength = 10;

    /// <returns>The record, or null when no such client exists in the member's workspace.</returns>
    /// <exception cref="OutsideCaseloadException">She is not on the member's caseload.</exception>
    public async Task<ClientRecordView?> OpenAsync(WorkspaceAccess access, Guid clientId, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "open client records");

        await using var session = store.LightweightSession(access.WorkspaceId);
        var client = await session.LoadAsync<Client>(clientId, ct);
        if (client is null) return null;
        await guard.RequireAsync(session, access, clientId, ct);

        await CommitAuditAsync(session, AuditEntry.By(access.Member, access.WorkspaceId, AuditAction.ClientRecordOpened, clientId, clock.GetUtcNow()), ct);

        var events = await session.Events.FetchStreamAsync(clientId, token: ct);
        return new ClientRecordView(client, ClientHistory.From(events.Select(e => e.Data)));
    }

    /// <summary>
    /// Shows a confidential address (do not disclose, refuge) to one member, once, for a stated
    /// reason. The reveal is audited with the reason before the address is returned.
    /// </summary>
    public async Task<PostalAddress?> RevealAddressAsync(WorkspaceAccess access, Guid clientId, string reason, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "see client addresses");
        var stated = Text.TidyOrNull(reason, keepLineBreaks: true);
        if (stated is null || stated.Length < RevealReasonMinimumLength || stated.Length > 500)
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("Reason",
                $"Say why you need to see this address ({RevealReasonMinimumLength} to 500 characters).")]);

        await using var session = store.LightweightSession(access.WorkspaceId);
        var client = await session.LoadAsync<Client>(clientId, ct) ?? throw new ClientNotFoundException();
        await guard.RequireAsync(session, access, clientId, ct);
        await CommitAuditAsync(session, AuditEntry.By(access.Member, access.WorkspaceId, AuditAction.ConfidentialAddressRevealed, clientId, clock.GetUtcNow(), stated), ct);
        return client.Address;
    }

    /// <summary>Commits an audit entry on its own, before anything it records is shown; a failure shows nothing.</summary>
    internal static async Task CommitAuditAsync(IDocumentSession session, AuditEntry entry, CancellationToken ct)
    {
        session.Insert(entry);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new AuditUnavailableException(e);
        }
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
