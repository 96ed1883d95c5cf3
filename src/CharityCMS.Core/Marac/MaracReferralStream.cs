using CharityCMS.Cases;
using CharityCMS.Risk;
using CharityCMS.Workspaces;
using JasperFx;
using Marten;

namespace CharityCMS.Marac;

public sealed class MaracReferralNotFoundException() : Exception("No MARAC referral with that id exists in this workspace.");

/// <summary>Loads a referral for a change: in the member's workspace, on her caseload, at the version she loaded.</summary>
internal static class MaracReferralStream
{
    /// <returns>The referral's version after the change.</returns>
    public static async Task<long> AppendAsync(
        IDocumentStore store, CaseloadGuard guard, WorkspaceAccess access, Guid referralId, long expectedVersion,
        Func<MaracReferral, WorkspaceEvent> decide, CancellationToken ct)
    {
        await using var session = store.LightweightSession(access.WorkspaceId);
        var current = await session.LoadAsync<MaracReferral>(referralId, ct) ?? throw new MaracReferralNotFoundException();
        await guard.RequireAsync(session, access, current.ClientId, ct);
        try
        {
            var stream = await session.Events.FetchForWriting<MaracReferral>(referralId, expectedVersion, ct);
            stream.AppendOne(decide(stream.Aggregate ?? throw new MaracReferralNotFoundException()));
            await session.SaveChangesAsync(ct);
            return expectedVersion + 1;
        }
        catch (ConcurrencyException)
        {
            await using var fresh = store.QuerySession(access.WorkspaceId);
            var latest = await fresh.LoadAsync<MaracReferral>(referralId, ct) ?? throw new MaracReferralNotFoundException();
            throw new ChangedElsewhereException(latest.LastChangedBy.Name, latest.LastChangedAt);
        }
    }
}
