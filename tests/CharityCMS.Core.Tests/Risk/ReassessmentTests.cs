using CharityCMS.Cases;
using CharityCMS.Risk;
using CharityCMS.Settings;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;

namespace CharityCMS.Core.Tests.Risk;

public class ReassessmentTests
{
    private static readonly StaffMember Worker = new(Guid.NewGuid(), "Test Worker");
    private static readonly DateTimeOffset CompletedAt = new(2026, 3, 2, 11, 0, 0, TimeSpan.Zero);

    private static RiskAssessment Completed(int yes, RiskLevel? judgement = null, DateTimeOffset? at = null)
    {
        var assessment = RiskAssessment.Create(RiskAssessment.Start(Guid.NewGuid(), null, Worker, at ?? CompletedAt));
        assessment.Apply(assessment.Complete(SampleRisk.Form(yes, judgement: judgement, rationale: judgement is null ? null : "Judged higher."),
            RiskBands.Default, Worker, at ?? CompletedAt));
        return assessment;
    }

    private static CaseIncident Incident(DateOnly on, DateTimeOffset recordedAt, bool police = false) =>
        new(Guid.NewGuid(), on, police, null, "Incident", Worker, recordedAt);

    [Theory]
    [InlineData(3, 26)]
    [InlineData(11, 12)]
    [InlineData(15, 8)]
    public void Without_a_new_incident_reassessment_is_due_after_the_interval_for_the_level(int yes, int weeks)
    {
        var due = Reassessment.DueFor(Completed(yes), [], CaseworkSettings.Default);
        Assert.Equal(new ReassessmentDue(new DateOnly(2026, 3, 2).AddDays(7 * weeks), ReassessmentReason.Interval), due);
    }

    [Fact]
    public void The_interval_follows_the_level_after_judgement_and_the_workspace_setting()
    {
        var settings = CaseworkSettings.Default with { HighReassessmentWeeks = 4 };
        var due = Reassessment.DueFor(Completed(3, judgement: RiskLevel.High), [], settings);
        Assert.Equal(new DateOnly(2026, 3, 30), due!.On);
    }

    [Fact]
    public void An_incident_recorded_after_the_assessment_brings_reassessment_forward_to_its_date()
    {
        var incidents = new[]
        {
            Incident(new DateOnly(2026, 4, 10), CompletedAt.AddDays(40)),
            Incident(new DateOnly(2026, 3, 20), CompletedAt.AddDays(20)),
        };
        Assert.Equal(new ReassessmentDue(new DateOnly(2026, 3, 20), ReassessmentReason.NewIncident), Reassessment.DueFor(Completed(15), incidents, CaseworkSettings.Default));
    }

    [Fact]
    public void An_incident_recorded_before_the_assessment_does_not_call_for_reassessment()
    {
        var incidents = new[] { Incident(new DateOnly(2026, 3, 1), CompletedAt.AddHours(-2)) };
        Assert.Equal(ReassessmentReason.Interval, Reassessment.DueFor(Completed(15), incidents, CaseworkSettings.Default)!.Reason);
    }

    [Fact]
    public void An_incident_after_the_interval_date_leaves_the_interval_date()
    {
        var incidents = new[] { Incident(new DateOnly(2026, 12, 1), new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)) };
        var due = Reassessment.DueFor(Completed(15), incidents, CaseworkSettings.Default);
        Assert.Equal(new ReassessmentDue(new DateOnly(2026, 4, 27), ReassessmentReason.Interval), due);
    }

    [Fact]
    public void A_client_never_assessed_has_no_due_date()
    {
        Assert.Null(Reassessment.DueFor(null, [], CaseworkSettings.Default));
    }

    [Fact]
    public void The_summary_keeps_the_history_in_order_the_latest_completed_and_the_open_draft()
    {
        var clientId = Guid.NewGuid();
        var first = Completed(5, at: CompletedAt);
        var second = Completed(15, at: CompletedAt.AddDays(60));
        var draft = RiskAssessment.Create(RiskAssessment.Start(clientId, null, Worker, CompletedAt.AddDays(70)));
        foreach (var a in new[] { first, second, draft }) a.ClientId = clientId;

        var summary = ClientRiskSummary.From(clientId, "TST-000001", [second, draft, first], [], [], CaseworkSettings.Default, new DateOnly(2026, 6, 1));

        Assert.Same(second, summary.Latest);
        Assert.Same(draft, summary.OpenDraft);
        Assert.Equal([(5, RiskLevel.Standard), (15, RiskLevel.High)], summary.History.Select(h => (h.Score, h.Level)));
        Assert.Equal(new DateOnly(2026, 5, 1).AddDays(56), summary.Reassessment!.On);
    }
}
