using CharityCMS.Cases;
using CharityCMS.Risk;

namespace CharityCMS.Marac;

/// <summary>Why a client meets the threshold for a MARAC referral. Stored by name: never rename a value once shipped.</summary>
public enum MaracCriterion
{
    VisibleHighRisk,
    ProfessionalJudgement,
    PotentialEscalation,
    Repeat,
}

/// <summary>The criteria met, each with a sentence a worker can read, and whether a referral now is a repeat referral.</summary>
public sealed record MaracCheck(IReadOnlyList<MaracCriterion> Met, IReadOnlyList<string> Explanations, int PoliceReportedIncidentsInYear)
{
    public bool AnyMet => Met.Count > 0;
    public bool IsRepeat => Met.Contains(MaracCriterion.Repeat);
    public bool Meets(MaracCriterion criterion) => Met.Contains(criterion);
}

public static class MaracCriteria
{
    /// <summary>Police-reported incidents in the past 12 months that suggest escalation.</summary>
    public const int EscalationIncidents = 3;

    /// <summary>
    /// The MARAC criteria, as of <paramref name="today"/> (a London date):
    /// visible high risk (the latest completed assessment scored at least the high band);
    /// professional judgement (it ended high only because of judgement);
    /// potential escalation (3 or more police-reported incidents on dates in the 12 months up to
    /// today: after the same date a year ago, up to and including today);
    /// repeat (an incident after the last MARAC referral's date and no more than 12 months after it,
    /// which makes the referral a repeat referral automatically).
    /// </summary>
    public static MaracCheck Evaluate(RiskAssessment? latestCompleted, IEnumerable<CaseIncident> incidents, DateOnly? lastReferredOn, RiskBands bands, DateOnly today)
    {
        var met = new List<MaracCriterion>();
        var why = new List<string>();
        var all = incidents.ToList();

        if (latestCompleted is { IsCompleted: true, CompletedAt: { } completedAt } latest)
        {
            var on = UkCalendar.DateOf(completedAt).ToString("d MMM yyyy");
            // The levels recorded when the assessment was completed: a later change of the bands never rewrites a snapshot.
            if (latest.ScoreLevel == RiskLevel.High)
            {
                met.Add(MaracCriterion.VisibleHighRisk);
                why.Add($"Visible high risk: {latest.Score} \"yes\" answers in the assessment of {on}, high risk on the bands then in use.");
            }
            else if (latest.FinalLevel == RiskLevel.High)
            {
                met.Add(MaracCriterion.ProfessionalJudgement);
                why.Add($"Professional judgement: the assessment of {on} was judged high risk, above what its score of {latest.Score} gives.");
            }
        }

        var yearAgo = today.AddMonths(-12);
        var policeInYear = all.Count(i => i.ReportedToPolice && i.OccurredOn > yearAgo && i.OccurredOn <= today);
        if (policeInYear >= EscalationIncidents)
        {
            met.Add(MaracCriterion.PotentialEscalation);
            why.Add($"Potential escalation: {policeInYear} police-reported incidents in the 12 months to {today:d MMM yyyy}.");
        }

        if (lastReferredOn is { } referred
            && all.Where(i => i.OccurredOn > referred && i.OccurredOn <= referred.AddMonths(12)).MinBy(i => i.OccurredOn) is { } repeat)
        {
            met.Add(MaracCriterion.Repeat);
            why.Add($"Repeat: an incident on {repeat.OccurredOn:d MMM yyyy}, within 12 months of the last MARAC referral on {referred:d MMM yyyy}. A referral now is a repeat referral.");
        }

        return new MaracCheck(met, why, policeInYear);
    }

    public static string Title(this MaracCriterion criterion) => criterion switch
    {
        MaracCriterion.VisibleHighRisk => "Visible high risk",
        MaracCriterion.ProfessionalJudgement => "Professional judgement",
        MaracCriterion.PotentialEscalation => "Potential escalation",
        _ => "Repeat referral",
    };
}
