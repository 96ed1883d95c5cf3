using CharityCMS.Cases;
using CharityCMS.Notifications;
using CharityCMS.Risk;
using Marten;

namespace CharityCMS.Reminders;

/// <summary>
/// Open cases of high-risk clients with no successful contact for the workspace's
/// <c>HighRiskNoContactDays</c> (counted in London days from the last successful contact, or from
/// the day the case opened when there has been none). Due on the day the limit is reached.
/// </summary>
public sealed class HighRiskWithoutContact : IDueItemQuery
{
    public async Task<IReadOnlyList<DueItem>> FindAsync(ReminderScope scope, CancellationToken ct)
    {
        var days = scope.Settings.HighRiskNoContactDays;
        var lastQuietDay = scope.Today.AddDays(-days);
        // Contact on lastQuietDay or earlier, or none: a generous cut at the next London midnight, exact below.
        var before = UkCalendar.At(lastQuietDay.AddDays(1), TimeOnly.MinValue);
        var quiet = await scope.Session.Query<Case>()
            .Where(c => c.Status == CaseStatus.Open && (c.LastContactAt == null || c.LastContactAt < before))
            .ToListAsync(ct);

        var due = quiet
            .Select(c => (Case: c, DueOn: (c.LastContactAt is { } at ? UkCalendar.DateOf(at) : c.OpenedOn).AddDays(days)))
            .Where(x => x.DueOn <= scope.Today)
            .ToList();
        if (due.Count == 0) return [];

        var levels = await RiskLevels.CurrentAsync(scope.Session, due.Select(x => x.Case.ClientId).Distinct().ToList(), ct);
        return due
            .Where(x => levels.TryGetValue(x.Case.ClientId, out var level) && level == RiskLevel.High)
            .Select(x => new DueItem(NotificationKind.HighRiskNoContact, x.Case.Id.ToString("N"), x.DueOn,
                x.Case.ClientId, x.Case.Id, x.Case.ClientReference, x.Case.WorkerId))
            .ToList();
    }
}
