using CharityCMS.Cases;
using CharityCMS.Notifications;
using CharityCMS.Risk;
using Marten;

namespace CharityCMS.Reminders;

/// <summary>Clients with an open case whose risk reassessment is due (by interval, or after a new incident), to the case's worker.</summary>
public sealed class ReassessmentsDueReminders : IDueItemQuery
{
    public async Task<IReadOnlyList<DueItem>> FindAsync(ReminderScope scope, CancellationToken ct)
    {
        var due = (await ReassessmentsDue.OnOrBeforeAsync(scope.Session, scope.Today, ct)).Where(r => r.HasOpenCase).ToList();
        var workers = await OpenCaseWorkers.ForAsync(scope.Session, due.Select(r => r.ClientId).ToArray(), ct);
        return due.Select(r => new DueItem(NotificationKind.ReassessmentDue, r.ClientId.ToString("N"), r.Due.On, r.ClientId,
                workers.GetValueOrDefault(r.ClientId)?.Id, r.ClientReference, workers.GetValueOrDefault(r.ClientId)?.WorkerId))
            .ToList();
    }
}

/// <summary>Open MARAC actions due today or earlier, to the worker of the client's open case (managers when there is none).</summary>
public sealed class MaracActionsDueReminders : IDueItemQuery
{
    public async Task<IReadOnlyList<DueItem>> FindAsync(ReminderScope scope, CancellationToken ct)
    {
        var due = await Marac.MaracBoard.OpenActionsDueAsync(scope.Session, scope.Today, ct);
        var workers = await OpenCaseWorkers.ForAsync(scope.Session, due.Select(a => a.ClientId).Distinct().ToArray(), ct);
        return due.Select(a => new DueItem(NotificationKind.MaracActionDue, a.Action.Id.ToString("N"), a.Action.DueOn, a.ClientId,
                workers.GetValueOrDefault(a.ClientId)?.Id, a.ClientReference, workers.GetValueOrDefault(a.ClientId)?.WorkerId))
            .ToList();
    }
}

/// <summary>Each client's most recently opened open case, whose worker a client-level reminder goes to.</summary>
internal static class OpenCaseWorkers
{
    public static async Task<Dictionary<Guid, Case>> ForAsync(IQuerySession session, Guid[] clientIds, CancellationToken ct)
    {
        if (clientIds.Length == 0) return [];
        var open = await session.Query<Case>().Where(c => c.Status == CaseStatus.Open && c.ClientId.IsOneOf(clientIds)).ToListAsync(ct);
        return open.GroupBy(c => c.ClientId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.OpenedOn)!);
    }
}
