using CharityCMS.Notifications;
using CharityCMS.Settings;
using Marten;

namespace CharityCMS.Reminders;

/// <summary>
/// Something in a workspace that is due on a London date and needs someone to act. The reminder run
/// raises one notification per due item and recipient, once: the identity is the kind, the subject
/// key, the due date and the recipient, so a new due date is a new reminder and the same one is not.
/// </summary>
/// <param name="SubjectKey">What is due, stable across runs: a case id, a MARAC action id.</param>
/// <param name="ClientReference">The client's reference for the notification text. Never her name.</param>
/// <param name="WorkerId">
/// The allocated worker, who gets the reminder. Null (no worker, or one who has left the workspace
/// or no longer works with clients) sends it to every manager of the workspace instead.
/// </param>
public sealed record DueItem(
    NotificationKind Kind,
    string SubjectKey,
    DateOnly DueOn,
    Guid ClientId,
    Guid? CaseId,
    string ClientReference,
    Guid? WorkerId)
{
    /// <summary>The subject of the notification's id: the item and its due date.</summary>
    public string Subject => $"{SubjectKey}:{DueOn:yyyy-MM-dd}";
}

/// <summary>What a due-item query is given: the workspace's own session (its tenant only), its settings, and the London date.</summary>
public sealed record ReminderScope(string WorkspaceId, IQuerySession Session, DateOnly Today, DateTimeOffset Now, CaseworkSettings Settings);

/// <summary>
/// One source of reminders. To add one (reassessment due from ClientRiskSummary, MARAC action due
/// from the MARAC read model): write a class that queries its read model through
/// <see cref="ReminderScope.Session"/> and returns a <see cref="DueItem"/> per thing due on or before
/// <see cref="ReminderScope.Today"/>, register it in <c>CharityDomain.AddCharityDomain</c> with
/// <c>services.AddSingleton&lt;IDueItemQuery, YourQuery&gt;()</c>, and give its kind a line in
/// <see cref="ReminderText"/>. The run does the rest: recipients, exactly-once, the digest.
/// </summary>
public interface IDueItemQuery
{
    Task<IReadOnlyList<DueItem>> FindAsync(ReminderScope scope, CancellationToken ct);
}
