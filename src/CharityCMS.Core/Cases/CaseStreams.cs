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
/// save. A concurrent save of the case elsewhere comes back as <see cref="CaseChangedElsewhereException"/>.
/// <paramref name="alongside"/> appends what the new events mean for other streams, saved in the same transaction.
/// </summary>
public sealed class CaseStreams(IDocumentStore store, CaseloadGuard guard, TimeProvider clock)
{
    public async Task<Case> AppendAsync(WorkspaceAccess access, Guid caseId, long? expectedVersion, Func<CaseDecision, IEnumerable<WorkspaceEvent>> decide,
        CancellationToken ct, Func<IDocumentSession, Case, IReadOnlyList<WorkspaceEvent>, Task>? alongside = null)
    {
        access.Require(WorkspaceRoles.ClientRecords, "work on cases");
        // A conflict on a stream changed alongside (the referral the case came from) says nothing about
        // her form: decide once more on fresh state rather than refuse her. What is appended alongside
        // must therefore be safe to decide again (a referral keeps the earliest first contact).
        return await TryAppendAsync(access, caseId, expectedVersion, decide, alongside, ct)
            ?? await TryAppendAsync(access, caseId, expectedVersion, decide, alongside, ct)
            ?? throw ChangedElsewhere(await LatestAsync(access, caseId, ct));
    }

    /// <summary>The case after the change, or null when the save conflicted on another stream while the case itself stood still.</summary>
    private async Task<Case?> TryAppendAsync(WorkspaceAccess access, Guid caseId, long? expectedVersion, Func<CaseDecision, IEnumerable<WorkspaceEvent>> decide,
        Func<IDocumentSession, Case, IReadOnlyList<WorkspaceEvent>, Task>? alongside, CancellationToken ct)
    {
        await using var session = store.LightweightSession(access.WorkspaceId);
        // Read as fetched: saving applies the new events to the loaded case, even when the save then fails.
        long? fetchedVersion = null;
        try
        {
            var stream = expectedVersion is { } version
                ? await session.Events.FetchForWriting<Case>(caseId, version, ct)
                : await session.Events.FetchForWriting<Case>(caseId, ct);
            var current = stream.Aggregate ?? throw new CaseNotFoundException();
            fetchedVersion = current.Version;
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
            var latest = await LatestAsync(access, caseId, ct);
            if (latest.Version == fetchedVersion) return null;
            throw ChangedElsewhere(latest);
        }
    }

    private async Task<Case> LatestAsync(WorkspaceAccess access, Guid caseId, CancellationToken ct)
    {
        await using var session = store.QuerySession(access.WorkspaceId);
        return await session.LoadAsync<Case>(caseId, ct) ?? throw new CaseNotFoundException();
    }

    private static CaseChangedElsewhereException ChangedElsewhere(Case latest) => new(latest.LastChangedBy.Name, latest.LastChangedAt);
}
