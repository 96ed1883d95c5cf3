using CharityCMS.Cases;
using CharityCMS.Notifications;
using Marten;

namespace CharityCMS.Reminders;

/// <summary>Open cases whose safety plan has an open action to review on or before today.</summary>
public sealed class SafetyPlanReviewsDue : IDueItemQuery
{
    public async Task<IReadOnlyList<DueItem>> FindAsync(ReminderScope scope, CancellationToken ct)
    {
        var today = scope.Today;
        var cases = await scope.Session.Query<Case>()
            .Where(c => c.Status == CaseStatus.Open && c.NextSafetyPlanReviewOn != null && c.NextSafetyPlanReviewOn <= today)
            .ToListAsync(ct);
        return cases
            .Select(c => new DueItem(NotificationKind.SafetyPlanReviewDue, c.Id.ToString("N"), c.NextSafetyPlanReviewOn!.Value,
                c.ClientId, c.Id, c.ClientReference, c.WorkerId))
            .ToList();
    }
}
