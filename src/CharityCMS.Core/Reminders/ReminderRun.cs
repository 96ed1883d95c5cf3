using CharityCMS.Notifications;
using CharityCMS.Settings;
using Marten;
using Microsoft.Extensions.Logging;

namespace CharityCMS.Reminders;

/// <summary>What one run found in a workspace: items due, and notifications newly raised (the rest were raised before).</summary>
public sealed record ReminderRunResult(int Due, int Raised);

/// <summary>
/// Finds what is due today (London) in one workspace and raises an in-app notification for each
/// due item to its worker, or to the managers. Exactly once: the run holds an advisory lock per
/// workspace for its transaction and inserts only notifications whose deterministic id is not
/// there yet, so running it again, or on two nodes at once, raises nothing twice (and never marks
/// a read reminder unread).
/// </summary>
public sealed class ReminderRun(IDocumentStore store, IEnumerable<IDueItemQuery> queries, TimeProvider clock, ILogger<ReminderRun> logger)
{
    private readonly IReadOnlyList<IDueItemQuery> queries = queries.ToList();

    public async Task<ReminderRunResult> RunAsync(string workspaceId, CancellationToken ct)
    {
        var staff = await WorkspaceStaff.ReadAsync(store, workspaceId, ct);
        await using var locked = await WorkspaceLock.TakeAsync(store, workspaceId, WorkspaceLock.Reminders, workspaceId, ct);
        var session = locked.Session;

        // The clock is read after the lock: a run that waited for another sees the same day or a later one.
        var now = clock.GetUtcNow();
        var scope = new ReminderScope(workspaceId, session, UkCalendar.DateOf(now), now, await CaseworkSettingsStore.ReadAsync(session, ct));
        var due = new List<DueItem>();
        foreach (var query in queries) due.AddRange(await query.FindAsync(scope, ct));

        var wanted = due
            .SelectMany(item => staff.RecipientsOf(item).Select(recipient => new Notification(
                Notification.IdFor(item.Kind, item.Subject, recipient), recipient, item.Kind, ReminderText.For(item),
                $"/clients/{item.ClientId}", now)))
            .DistinctBy(n => n.Id)
            .ToList();
        var existing = wanted.Count == 0
            ? []
            : (await session.LoadManyAsync<Notification>(ct, wanted.Select(n => n.Id).ToArray())).Select(n => n.Id).ToHashSet();
        var raised = wanted.Where(n => !existing.Contains(n.Id)).ToList();
        foreach (var notification in raised) session.Insert(notification);
        await locked.CommitAsync(ct);

        var unaddressed = due.Count(item => staff.RecipientsOf(item).Count == 0);
        if (unaddressed > 0)
            logger.LogWarning("Reminders: workspace {Workspace} has {Count} due items and no manager or worker to tell", workspaceId, unaddressed);
        logger.LogInformation("Reminders: workspace {Workspace} has {Due} due items, {Raised} notifications raised", workspaceId, due.Count, raised.Count);
        return new ReminderRunResult(due.Count, raised.Count);
    }
}
