using CharityCMS.Cases;
using CharityCMS.Marac;
using CharityCMS.Settings;

namespace CharityCMS.Risk;

/// <summary>One point of the client's risk history, for the chart and its table.</summary>
public sealed record RiskHistoryPoint(Guid AssessmentId, DateOnly On, int Score, RiskLevel Level);

/// <summary>
/// Where a client stands on risk: her latest completed assessment, the history of completed ones,
/// her open draft, when she is due to be reassessed, and the MARAC criteria she meets today.
/// </summary>
public sealed record ClientRiskSummary(
    Guid ClientId,
    string ClientReference,
    RiskAssessment? Latest,
    IReadOnlyList<RiskHistoryPoint> History,
    RiskAssessment? OpenDraft,
    IReadOnlyList<RiskAssessment> Assessments,
    ReassessmentDue? Reassessment,
    MaracCheck Marac,
    MaracReferral? LastReferral,
    RiskBands Bands)
{
    /// <summary>A referral whose meeting is still to be held, if any: a second one is not made while it waits.</summary>
    public MaracReferral? OpenReferral => LastReferral is { AwaitingOutcome: true } open ? open : null;

    public static ClientRiskSummary From(
        Guid clientId,
        string clientReference,
        IEnumerable<RiskAssessment> assessments,
        IEnumerable<CaseIncident> incidents,
        IEnumerable<MaracReferral> referrals,
        CaseworkSettings settings,
        DateOnly today)
    {
        var all = assessments.Where(a => a.ClientId == clientId).OrderByDescending(a => a.CompletedAt ?? a.StartedAt).ToList();
        var completed = all.Where(a => a.IsCompleted).OrderBy(a => a.CompletedAt).ToList();
        var latest = completed.LastOrDefault();
        var lastReferral = referrals.Where(r => r.ClientId == clientId).OrderBy(r => r.ReferredOn).ThenBy(r => r.LastChangedAt).LastOrDefault();
        var incidentList = incidents.ToList();
        return new ClientRiskSummary(
            clientId,
            clientReference,
            latest,
            completed.Select(a => new RiskHistoryPoint(a.Id, UkCalendar.DateOf(a.CompletedAt!.Value), a.Score, a.FinalLevel)).ToList(),
            all.Where(a => !a.IsCompleted).OrderByDescending(a => a.LastChangedAt).FirstOrDefault(),
            all,
            Risk.Reassessment.DueFor(latest, incidentList, settings),
            MaracCriteria.Evaluate(latest, incidentList, lastReferral?.ReferredOn, settings.RiskBands, today),
            lastReferral,
            settings.RiskBands);
    }
}
