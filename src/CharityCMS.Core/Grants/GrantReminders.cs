using CharityCMS.Notifications;
using CharityCMS.Reminders;
using CharityCMS.Settings;
using CharityCMS.Workspaces;
using Marten;
using Microsoft.Extensions.Logging;

namespace CharityCMS.Grants;

/// <summary>
/// Reminds the grant's owner and the managers of every funding date: a return, the renewal, an
/// instalment. Before the date, once at each of the workspace's reminder days (30, 14, 7 and 1 by
/// default; a date added late gets only the nearest one, not all of them at once); after it, the
/// managers every day until it is done. Runs with the daily reminders and again whenever a grant
/// changes, so a moved date is reminded by its new day and a deleted grant's unread reminders go.
/// Exactly once: under an advisory lock per workspace, a notification's id is its deadline, due
/// date, threshold (or overdue day) and recipient, and is inserted only when it is not there yet.
/// </summary>
public sealed class GrantReminders(IDocumentStore store, TimeProvider clock, ILogger<GrantReminders> logger)
{
    public async Task<ReminderRunResult> RunAsync(string workspaceId, CancellationToken ct)
    {
        var managers = await ManagersAsync(workspaceId, ct);
        if (managers.Count == 0) logger.LogWarning("Grant reminders: workspace {Workspace} has no signed-in manager to tell", workspaceId);
        await using var locked = await WorkspaceLock.TakeAsync(store, workspaceId, WorkspaceLock.GrantReminders, workspaceId, ct);
        var session = locked.Session;
        var now = clock.GetUtcNow();
        var today = UkCalendar.DateOf(now);
        var settings = await FundingSettingsStore.ReadAsync(session, ct);
        var grants = await session.Query<Grant>().Where(g => !g.IsDeleted).ToListAsync(ct);

        var pending = grants.SelectMany(g => GrantDeadlines.Of(g).Where(d => !d.Done).Select(d => (Grant: g, Deadline: d))).ToList();
        var wanted = new List<Notification>();
        foreach (var (grant, deadline) in pending)
        {
            if (GrantReminderRule.Due(deadline, today, settings.ReminderDays) is not { } due) continue;
            // The owner is always one of the managers (only managers look after grants; one who stops being a manager stops being told).
            foreach (var recipient in managers)
                wanted.Add(new Notification(Notification.IdFor(due.Kind, due.Subject, recipient), recipient, due.Kind,
                    GrantReminderRule.Text(deadline, today), $"/grants/{grant.Id}", now));
        }

        var existing = wanted.Count == 0
            ? []
            : (await session.LoadManyAsync<Notification>(ct, wanted.Select(n => n.Id).ToArray())).Select(n => n.Id).ToHashSet();
        var raised = wanted.Where(n => !existing.Contains(n.Id)).ToList();
        foreach (var notification in raised) session.Insert(notification);

        // A reminder of a date that moved, was done or was deleted is withdrawn while unread; read ones stay as a record.
        var live = pending.Select(p => GrantReminderRule.DeadlineKey(p.Deadline)).ToHashSet();
        var unread = await session.Query<Notification>()
            .Where(n => (n.Kind == NotificationKind.GrantDeadlineApproaching || n.Kind == NotificationKind.GrantDeadlineOverdue) && n.ReadAt == null)
            .ToListAsync(ct);
        var withdrawn = unread.Where(n => !live.Contains(GrantReminderRule.DeadlineKeyOf(n.Id))).ToList();
        foreach (var notification in withdrawn) session.Delete(notification);
        await locked.CommitAsync(ct);

        logger.LogInformation("Grant reminders: workspace {Workspace}, {Raised} raised, {Withdrawn} withdrawn", workspaceId, raised.Count, withdrawn.Count);
        return new ReminderRunResult(pending.Count, raised.Count);
    }

    /// <summary>Runs after a grant changed, so its reminders follow at once; a failure is logged and the daily run catches up.</summary>
    public async Task RefreshAfterChangeAsync(string workspaceId, CancellationToken ct)
    {
        try
        {
            await RunAsync(workspaceId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Grant reminders could not be refreshed for workspace {Workspace}; the daily run will", workspaceId);
        }
    }

    private async Task<IReadOnlyList<Guid>> ManagersAsync(string workspaceId, CancellationToken ct)
    {
        await using var platform = store.QuerySession();
        var members = await platform.Query<Member>().Where(m => m.WorkspaceId == workspaceId && m.ObjectId != null).ToListAsync(ct);
        return members.Where(m => m.Roles.Contains(WorkspaceRole.Manager)).Select(m => m.Id).ToList();
    }
}

/// <summary>Which reminder a funding date calls for today, if any, and its words. Pure, so the rules are tested without a clock or a database.</summary>
public static class GrantReminderRule
{
    public sealed record DueReminder(NotificationKind Kind, string Subject, bool Overdue);

    public static DueReminder? Due(GrantDeadline deadline, DateOnly today, IReadOnlyList<int> reminderDays)
    {
        if (deadline.Done) return null;
        var days = deadline.DaysFrom(today);
        if (days < 0)
            return new DueReminder(NotificationKind.GrantDeadlineOverdue, $"{DeadlineKey(deadline)}:overdue-{today:yyyy-MM-dd}", Overdue: true);
        // The nearest threshold not yet passed: a date first seen 5 days out gets the 7-day reminder, not the 30 and 14 as well.
        var threshold = reminderDays.Where(t => days <= t).DefaultIfEmpty(-1).Min();
        return threshold < 0 ? null : new DueReminder(NotificationKind.GrantDeadlineApproaching, $"{DeadlineKey(deadline)}:{threshold}d", Overdue: false);
    }

    /// <summary>The deadline as it stands: grant, item and due date. A moved date is a new key, so it is reminded afresh.</summary>
    public static string DeadlineKey(GrantDeadline deadline) => $"{deadline.GrantId:N}:{deadline.Key}:{deadline.DueOn:yyyy-MM-dd}";

    /// <summary>The deadline key inside a grant reminder's notification id ("kind:grant:item:date:threshold:recipient").</summary>
    public static string DeadlineKeyOf(string notificationId) => string.Join(':', notificationId.Split(':').Skip(1).Take(3));

    public static string Text(GrantDeadline deadline, DateOnly today)
    {
        var days = deadline.DaysFrom(today);
        var when = days switch
        {
            < -1 => $"was due {Day(deadline.DueOn)}, {-days} days ago",
            -1 => $"was due yesterday, {Day(deadline.DueOn)}",
            0 => $"is due today, {Day(deadline.DueOn)}",
            1 => $"is due tomorrow, {Day(deadline.DueOn)}",
            _ => $"is due in {days} days, on {Day(deadline.DueOn)}",
        };
        return $"{deadline.What} for {deadline.GrantTitle} ({deadline.FunderName}) {when}.";
    }

    private static string Day(DateOnly day) => day.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
