using CharityCMS.Cases;
using CharityCMS.Workspaces;
using Marten;

namespace CharityCMS.Marac;

/// <summary>What the MARAC list shows a member, and how many referrals it left out because their clients are outside her caseload.</summary>
public sealed record MaracBoardView(IReadOnlyList<MaracReferral> Meetings, IReadOnlyList<OpenMaracAction> OpenActions, int OutsideCaseload);

/// <summary>An open action with the referral it belongs to, for lists and reminders. Carries the client's reference, never her name.</summary>
public sealed record OpenMaracAction(Guid ReferralId, Guid ClientId, string ClientReference, MaracAction Action);

/// <summary>
/// The workspace's MARAC work: meetings to come and actions still open. Managers see the whole
/// workspace; a caseworker sees the referrals of the clients she may reach (need to know), and a
/// count of the rest.
/// </summary>
public sealed class MaracBoard(IDocumentStore store, CaseloadGuard guard, TimeProvider clock)
{
    /// <summary>Referrals whose outcome is not yet recorded, by meeting date (past meetings first: they need an outcome).</summary>
    public async Task<IReadOnlyList<MaracReferral>> AwaitingMeetingAsync(WorkspaceAccess access, CancellationToken ct) =>
        (await BoardAsync(access, ct)).Meetings;

    /// <summary>The meetings awaiting an outcome and the open actions the member may see, and how many referrals were left out as outside her caseload.</summary>
    public async Task<MaracBoardView> BoardAsync(WorkspaceAccess access, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "see MARAC referrals");
        await using var session = store.QuerySession(access.WorkspaceId);
        var awaiting = await session.Query<MaracReferral>().Where(r => r.AwaitingOutcome).OrderBy(r => r.MeetingOn).ToListAsync(ct);
        var withOpenActions = await session.Query<MaracReferral>().Where(r => r.NextActionDueOn != null).ToListAsync(ct);
        var reachable = await ReachableAsync(session, access, awaiting.Concat(withOpenActions).Select(r => r.ClientId), ct);
        var actions = OpenActions(withOpenActions.Where(r => reachable.Contains(r.ClientId)), DateOnly.MaxValue);
        var hidden = awaiting.Concat(withOpenActions).Where(r => !reachable.Contains(r.ClientId)).Select(r => r.Id).Distinct().Count();
        return new MaracBoardView(awaiting.Where(r => reachable.Contains(r.ClientId)).ToList(), actions, hidden);
    }

    /// <summary>Open actions across the workspace, earliest due first; only those due on or before <paramref name="dueOnOrBefore"/> when given.</summary>
    public async Task<IReadOnlyList<OpenMaracAction>> OpenActionsAsync(WorkspaceAccess access, DateOnly? dueOnOrBefore, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "see MARAC actions");
        await using var session = store.QuerySession(access.WorkspaceId);
        var due = await OpenActionsDueAsync(session, dueOnOrBefore ?? DateOnly.MaxValue, ct);
        var reachable = await ReachableAsync(session, access, due.Select(a => a.ClientId), ct);
        return due.Where(a => reachable.Contains(a.ClientId)).ToList();
    }

    private async Task<HashSet<Guid>> ReachableAsync(IQuerySession session, WorkspaceAccess access, IEnumerable<Guid> clientIds, CancellationToken ct)
    {
        var reachable = new HashSet<Guid>();
        foreach (var clientId in clientIds.Distinct())
            if (await CaseloadGuard.MayReachAsync(session, access, clientId, clock.GetUtcNow(), ct)) reachable.Add(clientId);
        return reachable;
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
        return OpenActions(referrals, dueOnOrBefore);
    }

    private static List<OpenMaracAction> OpenActions(IEnumerable<MaracReferral> referrals, DateOnly dueOnOrBefore) =>
        referrals
            .SelectMany(r => r.Actions.Where(a => a.IsOpen && a.DueOn <= dueOnOrBefore).Select(a => new OpenMaracAction(r.Id, r.ClientId, r.ClientReference, a)))
            .OrderBy(a => a.Action.DueOn)
            .ToList();

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
