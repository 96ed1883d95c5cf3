using CharityCMS.Workspaces;
using FluentValidation;
using JasperFx;
using Marten;

namespace CharityCMS.Clients;

/// <summary>
/// An edit of a client's record, made against the version the editor loaded. If someone saved in
/// between, the edit is refused with who and when, and the editor's form is left as it was.
/// A null <see cref="Monitoring"/> leaves her equality monitoring as it is.
/// </summary>
public sealed record ChangeClientDetails(
    Guid ClientId,
    long ExpectedVersion,
    ClientPersonalDetails Details,
    ClientContactDetails Contact,
    PostalAddress? Address,
    EqualityMonitoring? Monitoring = null) : IClientDetailsCommand;

public sealed class ChangeClientDetailsValidator(TimeProvider clock) : ClientDetailsCommandValidator<ChangeClientDetails>(clock);

/// <summary>Someone else saved the record after it was loaded for editing.</summary>
public sealed class ClientChangedElsewhereException(string changedBy, DateTimeOffset changedAt)
    : Exception("The client's record was changed by someone else after it was opened.")
{
    public string ChangedBy { get; } = changedBy;
    public DateTimeOffset ChangedAt { get; } = changedAt;
}

public sealed class ClientNotFoundException() : Exception("No client with that id exists in this workspace.");

public sealed class ChangeClientDetailsHandler(IDocumentStore store, IValidator<ChangeClientDetails> validator, Cases.CaseloadGuard guard, TimeProvider clock)
{
    /// <returns>The number of parts of the record that changed; 0 when the form held no change.</returns>
    public async Task<int> HandleAsync(WorkspaceAccess access, ChangeClientDetails command, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "edit client records");
        await validator.ValidateAndThrowAsync(command, ct);

        await using var session = store.LightweightSession(access.WorkspaceId);
        try
        {
            var stream = await session.Events.FetchForWriting<Client>(command.ClientId, command.ExpectedVersion, ct);
            var client = stream.Aggregate ?? throw new ClientNotFoundException();
            await guard.RequireAsync(session, access, command.ClientId, ct);
            var events = client.Change(command, access.Member, clock.GetUtcNow());
            if (events.Count == 0) return 0;
            stream.AppendMany(events);
            await session.SaveChangesAsync(ct);
            return events.Count;
        }
        catch (ConcurrencyException)
        {
            var current = await session.LoadAsync<Client>(command.ClientId, ct) ?? throw new ClientNotFoundException();
            // Who changed the record, and when, is for those who reach her: a stale form is checked like a fresh one.
            await guard.RequireAsync(session, access, command.ClientId, ct);
            throw new ClientChangedElsewhereException(current.LastChangedBy.Name, current.LastChangedAt);
        }
    }
}
