using CharityCMS.Clients;
using CharityCMS.Workspaces;
using JasperFx;
using Marten;

namespace CharityCMS.Cases;

/// <summary>Someone else changed the case after the form was loaded; nothing was saved.</summary>
public sealed class CaseChangedElsewhereException(string changedBy, DateTimeOffset changedAt)
    : Exception("The case was changed by someone else after it was opened.")
{
    public string ChangedBy { get; } = changedBy;
    public DateTimeOffset ChangedAt { get; } = changedAt;
}

public sealed class CaseNotFoundException() : Exception("No case with that id exists in this workspace.");

/// <summary>What a decision about a case sees: the case, its client's record and who is deciding, when.</summary>
public sealed record CaseDecision(Case Case, Client Client, StaffMember By, DateTimeOffset At);

/// <summary>
/// The one way a change reaches a case: check the member may reach the client, load the stream
/// (at the version her form was loaded from, when the change replaces something), decide, append,
/// save. A concurrent save elsewhere comes back as <see cref="CaseChangedElsewhereException"/>.
/// <paramref name="alongside"/> appends what the new events mean for other streams, saved in the same transaction.
/// </summary>
public sealed class CaseStreams(IDocumentStore store, CaseloadGuard guard, TimeProvider clock)
{
    public async Task<Case> AppendAsync(WorkspaceAccess access, Guid caseId, long? expectedVersion, Func<CaseDecision, IEnumerable<WorkspaceEvent>> decide,
        CancellationToken ct, Func<IDocumentSession, Case, IReadOnlyList<WorkspaceEvent>, Task>? alongside = null)
    {
        access.Require(WorkspaceRoles.ClientRecords, "work on cases");
        await using var session = store.LightweightSession(access.WorkspaceId);
        try
        {
            var stream = expectedVersion is { } version
                ? await session.Events.FetchForWriting<Case>(caseId, version, ct)
                : await session.Events.FetchForWriting<Case>(caseId, ct);
            var current = stream.Aggregate ?? throw new CaseNotFoundException();
            await guard.RequireAsync(session, access, current.ClientId, ct);
            var client = await session.LoadAsync<Client>(current.ClientId, ct) ?? throw new ClientNotFoundException();
            var events = decide(new CaseDecision(current, client, access.Member, clock.GetUtcNow())).ToList();
            if (events.Count == 0) return current;
            stream.AppendMany(events);
            if (alongside is not null) await alongside(session, current, events);
            await session.SaveChangesAsync(ct);
            return await session.LoadAsync<Case>(caseId, ct) ?? current;
        }
        catch (ConcurrencyException)
        {
            var latest = await session.LoadAsync<Case>(caseId, ct) ?? throw new CaseNotFoundException();
            throw new CaseChangedElsewhereException(latest.LastChangedBy.Name, latest.LastChangedAt);
        }
    }
}
