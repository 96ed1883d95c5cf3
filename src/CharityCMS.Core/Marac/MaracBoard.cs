using CharityCMS.Cases;
using CharityCMS.Workspaces;
using Marten;

namespace CharityCMS.Marac;

/// <summary>An open action with the referral it belongs to, for lists and reminders. Carries the client's reference, never her name.</summary>
public sealed record OpenMaracAction(Guid ReferralId, Guid ClientId, string ClientReference, MaracAction Action);

/// <summary>The workspace's MARAC work: meetings to come and actions still open. For caseworkers and managers.</summary>
public sealed class MaracBoard(IDocumentStore store, CaseloadGuard guard, TimeProvider clock)
{
    /// <summary>Referrals whose outcome is not yet recorded, by meeting date (past meetings first: they need an outcome).</summary>
    public async Task<IReadOnlyList<MaracReferral>> AwaitingMeetingAsync(WorkspaceAccess access, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "see MARAC referrals");
        await using var session = store.QuerySession(access.WorkspaceId);
        return await session.Query<MaracReferral>().Where(r => r.AwaitingOutcome).OrderBy(r => r.MeetingOn).ToListAsync(ct);
    }

    /// <summary>Open actions across the workspace, earliest due first; only those due on or before <paramref name="dueOnOrBefore"/> when given.</summary>
    public async Task<IReadOnlyList<OpenMaracAction>> OpenActionsAsync(WorkspaceAccess access, DateOnly? dueOnOrBefore, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "see MARAC actions");
        await using var session = store.QuerySession(access.WorkspaceId);
        return await OpenActionsDueAsync(session, dueOnOrBefore ?? DateOnly.MaxValue, ct);
    }

    /// <summary>
    /// Open actions due on or before a date, in a session already opened for one workspace. For
    /// reminder jobs, which run without a signed-in member; they pass ids onwards, never the text.
    /// </summary>
    public static async Task<IReadOnlyList<OpenMaracAction>> OpenActionsDueAsync(IQuerySession session, DateOnly dueOnOrBefore, CancellationToken ct)
    {
        var referrals = await session.Query<MaracReferral>()
            .Where(r => r.NextActionDueOn != null && r.NextActionDueOn <= dueOnOrBefore)
            .ToListAsync(ct);
        return referrals
            .SelectMany(r => r.Actions.Where(a => a.IsOpen && a.DueOn <= dueOnOrBefore).Select(a => new OpenMaracAction(r.Id, r.ClientId, r.ClientReference, a)))
            .OrderBy(a => a.Action.DueOn)
            .ToList();
    }

    /// <summary>The client's referrals, newest first.</summary>
    public async Task<IReadOnlyList<MaracReferral>> ForClientAsync(WorkspaceAccess access, Guid clientId, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "see MARAC referrals");
        await using var session = store.QuerySession(access.WorkspaceId);
        await guard.RequireAsync(session, access, clientId, ct);
        return await session.Query<MaracReferral>().Where(r => r.ClientId == clientId).OrderByDescending(r => r.ReferredOn).ToListAsync(ct);
    }

    /// <summary>One referral, or null when there is none with that id in the workspace. Refused outside the member's caseload.</summary>
    public async Task<MaracReferral?> ReferralAsync(WorkspaceAccess access, Guid referralId, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "see MARAC referrals");
        await using var session = store.QuerySession(access.WorkspaceId);
        var referral = await session.LoadAsync<MaracReferral>(referralId, ct);
        if (referral is null) return null;
        await guard.RequireAsync(session, access, referral.ClientId, ct);
        return referral;
    }

    /// <summary>The client a referral is about, without its content, so a member outside her caseload can be sent to her record.</summary>
    public async Task<Guid?> ClientOfAsync(WorkspaceAccess access, Guid referralId, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "see MARAC referrals");
        await using var session = store.QuerySession(access.WorkspaceId);
        return (await session.LoadAsync<MaracReferral>(referralId, ct))?.ClientId;
    }

    public DateOnly Today => UkCalendar.Today(clock);
}
