using CharityCMS.Workspaces;
using JasperFx;
using Marten;

namespace CharityCMS.Grants;

/// <summary>What a decision about a grant sees: the grant as it stands, who is deciding, and when.</summary>
public sealed record GrantDecision(Grant Grant, StaffMember By, DateTimeOffset At);

/// <summary>
/// The one way a change reaches a grant: managers only, load the stream (at the version the form was
/// loaded from, when given), decide, append, save. A concurrent save comes back as
/// <see cref="GrantChangedElsewhereException"/>; a deleted grant takes no more changes.
/// </summary>
public sealed class GrantStreams(IDocumentStore store, GrantReminders reminders, TimeProvider clock)
{
    public Task<Grant> AppendAsync(WorkspaceAccess access, Guid grantId, long? expectedVersion, Func<GrantDecision, IEnumerable<WorkspaceEvent>> decide, CancellationToken ct) =>
        AppendAsync(access, grantId, expectedVersion, decide, alongside: null, ct);

    /// <summary>As above; <paramref name="alongside"/> stores or deletes documents in the same transaction as the events, only when there are events.</summary>
    public async Task<Grant> AppendAsync(WorkspaceAccess access, Guid grantId, long? expectedVersion, Func<GrantDecision, IEnumerable<WorkspaceEvent>> decide,
        Action<IDocumentSession>? alongside, CancellationToken ct)
    {
        access.Require(WorkspaceRole.Manager, "change grants");
        await using var session = store.LightweightSession(access.WorkspaceId);
        try
        {
            var stream = expectedVersion is { } version
                ? await session.Events.FetchForWriting<Grant>(grantId, version, ct)
                : await session.Events.FetchForWriting<Grant>(grantId, ct);
            var grant = stream.Aggregate is { IsDeleted: false } live ? live : throw new GrantNotFoundException();
            var events = decide(new GrantDecision(grant, access.Member, clock.GetUtcNow())).ToList();
            if (events.Count == 0) return grant;
            stream.AppendMany(events);
            alongside?.Invoke(session);
            await session.SaveChangesAsync(ct);
            // Dates may have moved, been done or gone with the grant: its reminders follow now, not tomorrow morning.
            await reminders.RefreshAfterChangeAsync(access.WorkspaceId, ct);
            return await session.LoadAsync<Grant>(grantId, ct) ?? grant;
        }
        catch (ConcurrencyException)
        {
            var latest = await session.LoadAsync<Grant>(grantId, ct) ?? throw new GrantNotFoundException();
            throw new GrantChangedElsewhereException(latest.LastChangedBy.Name, latest.LastChangedAt);
        }
    }
}
