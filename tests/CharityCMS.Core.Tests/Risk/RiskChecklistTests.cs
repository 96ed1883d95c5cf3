using CharityCMS.Risk;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using FluentValidation;

namespace CharityCMS.Core.Tests.Risk;

/// <summary>The checklist's pure rules: scoring, bands, judgement, the stalking screen, drafts and immutability. No database.</summary>
public class RiskChecklistTests
{
    private static readonly StaffMember Worker = new(Guid.NewGuid(), "Test Worker");
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static RiskAssessment Draft() => RiskAssessment.Create(RiskAssessment.Start(Guid.NewGuid(), null, Worker, Now));

    [Fact]
    public void The_checklist_has_24_questions_and_the_stalking_screen_11_each_with_a_unique_id()
    {
        Assert.Equal(24, RiskChecklist.Questions.Select(q => q.Id).Distinct().Count());
        Assert.Equal(11, RiskChecklist.StalkingScreen.Select(q => q.Id).Distinct().Count());
        Assert.Empty(RiskChecklist.QuestionIds.Intersect(RiskChecklist.StalkingScreenIds));
        Assert.Contains(RiskChecklist.StalkingQuestionId, RiskChecklist.QuestionIds);
    }

    [Fact]
    public void The_score_counts_only_yes_answers_to_checklist_questions_once_each()
    {
        List<ChecklistAnswer> answers =
        [
            new("injury", RiskAnswer.Yes), new("injury", RiskAnswer.Yes), new("weapons", RiskAnswer.Yes),
            new("very-afraid", RiskAnswer.DontKnow), new("isolated", RiskAnswer.NotAsked), new("s-afraid", RiskAnswer.Yes),
        ];
        Assert.Equal(2, RiskChecklist.Score(answers));
    }

    [Theory]
    [InlineData(0, RiskLevel.Standard)]
    [InlineData(9, RiskLevel.Standard)]
    [InlineData(10, RiskLevel.Medium)]
    [InlineData(13, RiskLevel.Medium)]
    [InlineData(14, RiskLevel.High)]
    [InlineData(24, RiskLevel.High)]
    public void The_default_bands_give_standard_to_9_medium_to_13_and_high_from_14(int yes, RiskLevel level) =>
        Assert.Equal(level, RiskChecklist.LevelFor(yes, null, RiskBands.Default));

    [Fact]
    public void The_workspace_bands_decide_the_level()
    {
        var strict = new RiskBands(MediumFrom: 6, HighFrom: 12);
        Assert.Equal(RiskLevel.Medium, RiskChecklist.LevelFor(6, null, strict));
        Assert.Equal(RiskLevel.High, RiskChecklist.LevelFor(12, null, strict));
    }

    [Theory]
    [InlineData(3, RiskLevel.High, RiskLevel.High)]
    [InlineData(11, RiskLevel.High, RiskLevel.High)]
    [InlineData(3, RiskLevel.Medium, RiskLevel.Medium)]
    [InlineData(15, RiskLevel.Standard, RiskLevel.High)]
    [InlineData(11, RiskLevel.Standard, RiskLevel.Medium)]
    public void Judgement_raises_the_level_and_never_lowers_it(int yes, RiskLevel judgement, RiskLevel expected) =>
        Assert.Equal(expected, RiskChecklist.LevelFor(yes, judgement, RiskBands.Default));

    [Fact]
    public void Completing_with_a_judgement_below_the_scores_level_is_refused_with_a_message_on_the_judgement()
    {
        var refused = Assert.Throws<ValidationException>(() =>
            Draft().Complete(SampleRisk.Form(15, judgement: RiskLevel.Medium, rationale: "She seems calmer."), RiskBands.Default, Worker, Now));
        var failure = Assert.Single(refused.Errors);
        Assert.Equal("Form.Judgement", failure.PropertyName);
        Assert.Contains("never lower", failure.ErrorMessage);
    }

    [Fact]
    public void A_judgement_without_a_rationale_is_refused()
    {
        var refused = Assert.Throws<ValidationException>(() =>
            Draft().Complete(SampleRisk.Form(5, judgement: RiskLevel.High, rationale: "   "), RiskBands.Default, Worker, Now));
        Assert.Equal("Form.Rationale", Assert.Single(refused.Errors).PropertyName);
    }

    [Fact]
    public void A_judgement_raising_the_level_with_a_rationale_completes_at_the_judged_level_and_keeps_the_score_level()
    {
        var completed = Draft().Complete(SampleRisk.Form(5, judgement: RiskLevel.High, rationale: "He has just been released from prison."), RiskBands.Default, Worker, Now);
        Assert.Equal(5, completed.Score);
        Assert.Equal(RiskLevel.Standard, completed.ScoreLevel);
        Assert.Equal(RiskLevel.High, completed.FinalLevel);
        Assert.Equal("He has just been released from prison.", completed.Rationale);
    }

    [Fact]
    public void Completing_with_unanswered_questions_is_refused_but_a_draft_may_be_incomplete()
    {
        var form = SampleRisk.Form(3) with { Answers = SampleRisk.Form(3).Answers.Take(20).ToList() };
        var refused = Assert.Throws<ValidationException>(() => Draft().Complete(form, RiskBands.Default, Worker, Now));
        Assert.Contains("4 still unanswered", Assert.Single(refused.Errors).ErrorMessage);

        var saved = Draft().SaveDraft(form, Worker, Now);
        Assert.Equal(20, saved.Answers.Count);
    }

    [Fact]
    public void Stalking_screen_answers_are_refused_unless_the_stalking_question_is_yes()
    {
        var form = SampleRisk.Form(5) with { StalkingAnswers = [new("s-afraid", RiskAnswer.Yes)] };
        var refused = Assert.Throws<ValidationException>(() => Draft().SaveDraft(form, Worker, Now));
        Assert.Equal("Form.StalkingAnswers", Assert.Single(refused.Errors).PropertyName);
    }

    [Fact]
    public void A_yes_to_stalking_requires_the_whole_stalking_screen_and_keeps_its_answers_with_the_assessment()
    {
        var partial = SampleRisk.Form(6, stalking: true) with { StalkingAnswers = [new("s-afraid", RiskAnswer.Yes)] };
        var refused = Assert.Throws<ValidationException>(() => Draft().Complete(partial, RiskBands.Default, Worker, Now));
        Assert.Contains("10 still unanswered", Assert.Single(refused.Errors).ErrorMessage);

        var assessment = Draft();
        assessment.Apply(assessment.Complete(SampleRisk.Form(6, stalking: true), RiskBands.Default, Worker, Now));
        Assert.Equal(11, assessment.StalkingAnswers.Count);
        Assert.Equal(4, assessment.StalkingScore);
        Assert.Equal(6, assessment.Score);
    }

    [Fact]
    public void Stalking_screen_answers_do_not_count_towards_the_score()
    {
        var completed = Draft().Complete(SampleRisk.Form(6, stalking: true), RiskBands.Default, Worker, Now);
        Assert.Equal(6, completed.Score);
    }

    [Fact]
    public void A_completed_assessment_refuses_any_later_draft_or_completion()
    {
        var assessment = Draft();
        assessment.Apply(assessment.Complete(SampleRisk.Form(4), RiskBands.Default, Worker, Now));

        Assert.Throws<RiskAssessmentCompletedException>(() => assessment.SaveDraft(SampleRisk.Form(20), Worker, Now.AddDays(1)));
        Assert.Throws<RiskAssessmentCompletedException>(() => assessment.Complete(SampleRisk.Form(20), RiskBands.Default, Worker, Now.AddDays(1)));
    }

    [Fact]
    public void A_completed_snapshot_is_not_changed_by_a_later_event_in_its_history()
    {
        var assessment = Draft();
        assessment.Apply(assessment.Complete(SampleRisk.Form(4), RiskBands.Default, Worker, Now));
        assessment.Apply(new RiskAssessmentDraftSaved(SampleRisk.Form(20).Answers, [], null, null, Worker, Now.AddDays(1)));
        Assert.Equal(4, assessment.Score);
        Assert.Equal(4, RiskChecklist.Score(assessment.Answers));
    }

    [Fact]
    public void A_saved_draft_resumes_with_its_answers_judgement_and_rationale()
    {
        var assessment = Draft();
        var form = new RiskForm([new("injury", RiskAnswer.Yes), new("weapons", RiskAnswer.DontKnow)], [], RiskLevel.High, "  Recent threats with a knife. ");
        assessment.Apply(assessment.SaveDraft(form, Worker, Now));

        Assert.Equal(RiskAssessmentStatus.Draft, assessment.Status);
        Assert.Equal([new("injury", RiskAnswer.Yes), new("weapons", RiskAnswer.DontKnow)], assessment.Form.Answers);
        Assert.Equal(RiskLevel.High, assessment.Form.Judgement);
        Assert.Equal("Recent threats with a knife.", assessment.Form.Rationale);
        Assert.Equal(1, assessment.Score);
    }

    [Fact]
    public void The_form_validator_refuses_unknown_questions_and_an_over_long_rationale()
    {
        var validator = new RiskFormValidator();
        var result = validator.Validate(new RiskForm([new("made-up", RiskAnswer.Yes)], [], RiskLevel.High, new string('x', RiskFormValidator.RationaleMaximumLength + 1)));
        Assert.Contains(result.Errors, e => e.PropertyName == "Answers");
        Assert.Contains(result.Errors, e => e.PropertyName == "Rationale");
    }
}
