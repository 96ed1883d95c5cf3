using CharityCMS.Cases;
using CharityCMS.Marac;
using CharityCMS.Risk;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;

namespace CharityCMS.Core.Tests.Marac;

public class MaracCriteriaTests
{
    private static readonly StaffMember Worker = new(Guid.NewGuid(), "Test Worker");
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static RiskAssessment Completed(int yes, RiskLevel? judgement = null)
    {
        var at = new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero);
        var assessment = RiskAssessment.Create(RiskAssessment.Start(Guid.NewGuid(), null, Worker, at));
        assessment.Apply(assessment.Complete(SampleRisk.Form(yes, judgement: judgement, rationale: judgement is null ? null : "Judged higher."), RiskBands.Default, Worker, at));
        return assessment;
    }

    private static CaseIncident Incident(DateOnly on, bool police = true) =>
        new(Guid.NewGuid(), on, police, police ? "REF/1" : null, "Incident", Worker, on.ToDateTime(new TimeOnly(12, 0)));

    private static MaracCheck Check(RiskAssessment? latest = null, IEnumerable<CaseIncident>? incidents = null, DateOnly? lastReferredOn = null) =>
        MaracCriteria.Evaluate(latest, incidents ?? [], lastReferredOn, RiskBands.Default, Today);

    [Fact]
    public void Fourteen_yes_answers_are_visible_high_risk_and_thirteen_are_not()
    {
        Assert.Equal([MaracCriterion.VisibleHighRisk], Check(Completed(14)).Met);
        Assert.Empty(Check(Completed(13)).Met);
    }

    [Fact]
    public void A_completed_assessment_keeps_its_level_when_the_workspace_later_changes_its_bands()
    {
        var scoredHigh = Completed(14);

        Assert.Equal([MaracCriterion.VisibleHighRisk], MaracCriteria.Evaluate(scoredHigh, [], null, new RiskBands(12, 16), Today).Met);
        Assert.Empty(MaracCriteria.Evaluate(Completed(11), [], null, new RiskBands(8, 10), Today).Met);
    }

    [Fact]
    public void High_by_judgement_over_a_lower_score_meets_professional_judgement()
    {
        var check = Check(Completed(8, RiskLevel.High));
        Assert.Equal([MaracCriterion.ProfessionalJudgement], check.Met);
        Assert.Contains("Professional judgement", check.Explanations.Single());
    }

    [Fact]
    public void Medium_by_judgement_does_not_meet_professional_judgement()
    {
        Assert.Empty(Check(Completed(8, RiskLevel.Medium)).Met);
    }

    [Fact]
    public void No_assessment_meets_no_risk_criterion()
    {
        Assert.False(Check().AnyMet);
    }

    [Fact]
    public void Three_police_reported_incidents_in_the_past_12_months_are_potential_escalation()
    {
        var incidents = new[] { Incident(new DateOnly(2025, 11, 26)), Incident(new DateOnly(2026, 6, 1)), Incident(Today) };
        var check = Check(incidents: incidents);
        Assert.Equal([MaracCriterion.PotentialEscalation], check.Met);
        Assert.Equal(3, check.PoliceReportedIncidentsInYear);
    }

    [Fact]
    public void An_incident_on_the_same_date_a_year_ago_falls_outside_the_escalation_window()
    {
        var incidents = new[] { Incident(new DateOnly(2025, 11, 25)), Incident(new DateOnly(2026, 6, 1)), Incident(Today) };
        Assert.Empty(Check(incidents: incidents).Met);
    }

    [Fact]
    public void Incidents_not_reported_to_the_police_do_not_count_towards_escalation()
    {
        var incidents = new[] { Incident(new DateOnly(2026, 1, 5)), Incident(new DateOnly(2026, 6, 1)), Incident(Today, police: false) };
        Assert.Empty(Check(incidents: incidents).Met);
    }

    [Fact]
    public void An_incident_exactly_12_months_after_the_last_referral_makes_a_repeat_referral()
    {
        var check = Check(incidents: [Incident(new DateOnly(2026, 3, 1), police: false)], lastReferredOn: new DateOnly(2025, 3, 1));
        Assert.True(check.IsRepeat);
        Assert.Equal([MaracCriterion.Repeat], check.Met);
    }

    [Fact]
    public void An_incident_a_day_more_than_12_months_after_the_last_referral_is_not_a_repeat()
    {
        Assert.False(Check(incidents: [Incident(new DateOnly(2026, 3, 2), police: false)], lastReferredOn: new DateOnly(2025, 3, 1)).IsRepeat);
    }

    [Fact]
    public void An_incident_on_or_before_the_last_referral_date_is_not_a_repeat()
    {
        Assert.False(Check(incidents: [Incident(new DateOnly(2025, 3, 1), police: false)], lastReferredOn: new DateOnly(2025, 3, 1)).IsRepeat);
        Assert.False(Check(incidents: [Incident(new DateOnly(2025, 2, 1), police: false)], lastReferredOn: new DateOnly(2025, 3, 1)).IsRepeat);
    }

    [Fact]
    public void Without_an_earlier_referral_nothing_is_a_repeat()
    {
        Assert.False(Check(incidents: [Incident(Today)]).IsRepeat);
    }

    [Fact]
    public void Several_criteria_can_be_met_at_once_each_explained()
    {
        var incidents = new[] { Incident(new DateOnly(2026, 1, 5)), Incident(new DateOnly(2026, 6, 1)), Incident(new DateOnly(2026, 10, 1)) };
        var check = Check(Completed(16), incidents, lastReferredOn: new DateOnly(2026, 2, 1));
        Assert.Equal([MaracCriterion.VisibleHighRisk, MaracCriterion.PotentialEscalation, MaracCriterion.Repeat], check.Met);
        Assert.Equal(3, check.Explanations.Count);
    }
}
