using System.Text.Json.Serialization;
using CharityCMS.Workspaces;
using FluentValidation;
using FluentValidation.Results;

namespace CharityCMS.Risk;

public enum RiskAssessmentStatus { Draft, Completed }

/// <summary>What the worker has filled in on the checklist form, saved as a draft or completed.</summary>
public sealed record RiskForm(
    IReadOnlyList<ChecklistAnswer> Answers,
    IReadOnlyList<ChecklistAnswer> StalkingAnswers,
    RiskLevel? Judgement,
    string? Rationale)
{
    public static readonly RiskForm Empty = new([], [], null, null);

    public int Score => RiskChecklist.Score(Answers);

    /// <summary>The form as stored: trimmed text, one answer per question in checklist order, stalking answers only after a "yes".</summary>
    public RiskForm Normalised() => this with
    {
        Answers = InOrder(Answers, RiskChecklist.Questions),
        StalkingAnswers = InOrder(StalkingAnswers, RiskChecklist.StalkingScreen),
        Rationale = Text.TidyOrNull(Rationale, keepLineBreaks: true),
    };

    private static List<ChecklistAnswer> InOrder(IEnumerable<ChecklistAnswer> answers, IReadOnlyList<RiskQuestion> questions)
    {
        var byId = answers.GroupBy(a => a.QuestionId).ToDictionary(g => g.Key, g => g.Last().Answer);
        return questions.Where(q => byId.ContainsKey(q.Id)).Select(q => new ChecklistAnswer(q.Id, byId[q.Id])).ToList();
    }
}

/// <summary>
/// One risk assessment of one client: the state of its stream, kept inline as a document. A draft
/// can be saved and resumed; once completed it is an immutable snapshot, and every later change is
/// refused. Marten sets <see cref="Version"/> to the stream version, which a save must match.
/// </summary>
// partial: Marten's source generator writes the projection code for this snapshot into the other part.
public sealed partial class RiskAssessment
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public Guid ClientId { get; set; }
    public Guid? CaseId { get; set; }
    public RiskAssessmentStatus Status { get; set; }
    public List<ChecklistAnswer> Answers { get; set; } = [];
    public List<ChecklistAnswer> StalkingAnswers { get; set; } = [];
    public RiskLevel? Judgement { get; set; }
    public string? Rationale { get; set; }

    /// <summary>Set on completion: the number of "yes" answers, its level, and the level after judgement.</summary>
    public int Score { get; set; }
    public RiskLevel ScoreLevel { get; set; }
    public RiskLevel FinalLevel { get; set; }

    public StaffMember StartedBy { get; set; } = null!;
    public DateTimeOffset StartedAt { get; set; }
    public StaffMember LastChangedBy { get; set; } = null!;
    public DateTimeOffset LastChangedAt { get; set; }
    public StaffMember? CompletedBy { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    [JsonIgnore]
    public bool IsCompleted => Status == RiskAssessmentStatus.Completed;

    [JsonIgnore]
    public int StalkingScore => RiskChecklist.StalkingScore(StalkingAnswers);

    [JsonIgnore]
    public RiskForm Form => new(Answers, StalkingAnswers, Judgement, Rationale);

    public static RiskAssessment Create(RiskAssessmentStarted started) => new()
    {
        ClientId = started.ClientId,
        CaseId = started.CaseId,
        Status = RiskAssessmentStatus.Draft,
        StartedBy = started.By,
        StartedAt = started.At,
        LastChangedBy = started.By,
        LastChangedAt = started.At,
    };

    public void Apply(RiskAssessmentDraftSaved saved)
    {
        // Decisions refuse drafts after completion; a projection never throws on history.
        if (IsCompleted) return;
        Answers = saved.Answers.ToList();
        StalkingAnswers = saved.StalkingAnswers.ToList();
        Judgement = saved.Judgement;
        Rationale = saved.Rationale;
        Score = RiskChecklist.Score(Answers);
        Touched(saved);
    }

    public void Apply(RiskAssessmentCompleted completed)
    {
        if (IsCompleted) return;
        Status = RiskAssessmentStatus.Completed;
        Answers = completed.Answers.ToList();
        StalkingAnswers = completed.StalkingAnswers.ToList();
        Judgement = completed.Judgement;
        Rationale = completed.Rationale;
        Score = completed.Score;
        ScoreLevel = completed.ScoreLevel;
        FinalLevel = completed.FinalLevel;
        CompletedBy = completed.By;
        CompletedAt = completed.At;
        Touched(completed);
    }

    private void Touched(WorkspaceEvent e)
    {
        LastChangedBy = e.By;
        LastChangedAt = e.At;
    }

    public static RiskAssessmentStarted Start(Guid clientId, Guid? caseId, StaffMember by, DateTimeOffset at) => new(clientId, caseId, by, at);

    /// <summary>Saves the form so far. Refused once the assessment is completed.</summary>
    public RiskAssessmentDraftSaved SaveDraft(RiskForm form, StaffMember by, DateTimeOffset at)
    {
        RefuseIfCompleted();
        ThrowIfAny(Problems(form, RiskBands.Default, completing: false));
        var tidy = form.Normalised();
        return new RiskAssessmentDraftSaved(tidy.Answers, tidy.StalkingAnswers, tidy.Judgement, tidy.Rationale, by, at);
    }

    /// <summary>Completes the assessment with the workspace's bands: every question answered, judgement only upwards and explained.</summary>
    public RiskAssessmentCompleted Complete(RiskForm form, RiskBands bands, StaffMember by, DateTimeOffset at)
    {
        RefuseIfCompleted();
        ThrowIfAny(Problems(form, bands, completing: true));
        var tidy = form.Normalised();
        var score = tidy.Score;
        return new RiskAssessmentCompleted(tidy.Answers, score, bands.LevelFor(score), tidy.Judgement,
            RiskChecklist.LevelFor(score, tidy.Judgement, bands), tidy.Rationale, tidy.StalkingAnswers, by, at);
    }

    /// <summary>
    /// What is wrong with the form, keyed by the command's property names so each field shows its
    /// message. A draft may be incomplete; a completed assessment may not.
    /// </summary>
    public static IReadOnlyList<ValidationFailure> Problems(RiskForm form, RiskBands bands, bool completing)
    {
        var problems = new List<ValidationFailure>();
        var stalking = RiskChecklist.StalkingIsYes(form.Answers);
        if (!stalking && form.StalkingAnswers.Count > 0)
            problems.Add(new(Field(nameof(RiskForm.StalkingAnswers)), "The stalking questions are only asked after a \"yes\" to the stalking question."));
        var rationale = Text.TidyOrNull(form.Rationale, keepLineBreaks: true);
        if (form.Judgement is not null && rationale is null)
            problems.Add(new(Field(nameof(RiskForm.Rationale)), "Explain the professional judgement: say why you judge the risk to be higher than the score shows."));
        if (!completing) return problems;

        var unanswered = RiskChecklist.Questions.Count(q => form.Answers.All(a => a.QuestionId != q.Id));
        if (unanswered > 0)
            problems.Add(new(Field(nameof(RiskForm.Answers)), $"Answer every question before completing ({unanswered} still unanswered). Use \"Not asked\" for any you could not ask."));
        if (stalking)
        {
            var unansweredStalking = RiskChecklist.StalkingScreen.Count(q => form.StalkingAnswers.All(a => a.QuestionId != q.Id));
            if (unansweredStalking > 0)
                problems.Add(new(Field(nameof(RiskForm.StalkingAnswers)), $"Answer every stalking question before completing ({unansweredStalking} still unanswered)."));
        }
        var scoreLevel = bands.LevelFor(form.Score);
        if (form.Judgement is { } judged && judged < scoreLevel)
            problems.Add(new(Field(nameof(RiskForm.Judgement)),
                $"Professional judgement can raise the level but never lower it: {form.Score} \"yes\" answers already make this {scoreLevel.Title().ToLowerInvariant()} risk."));
        return problems;
    }

    /// <summary>The path of a form field in the save and complete commands, where the form's messages are shown.</summary>
    public static string Field(string property) => $"Form.{property}";

    private void RefuseIfCompleted()
    {
        if (IsCompleted)
            throw new RiskAssessmentCompletedException(UkCalendar.DateOf(CompletedAt!.Value));
    }

    private static void ThrowIfAny(IReadOnlyList<ValidationFailure> problems)
    {
        if (problems.Count > 0) throw new ValidationException(problems);
    }
}

/// <summary>A completed assessment is a record of that day: it is never changed; a new assessment is started instead.</summary>
public sealed class RiskAssessmentCompletedException(DateOnly completedOn)
    : Exception($"This assessment was completed on {completedOn:d MMMM yyyy} and cannot be changed. Start a new assessment instead.")
{
    public DateOnly CompletedOn { get; } = completedOn;
}

public sealed class RiskAssessmentNotFoundException() : Exception("No risk assessment with that id exists in this workspace.");

/// <summary>Someone else saved the record after it was loaded: who, and when. Carries no client data.</summary>
public sealed class ChangedElsewhereException(string changedBy, DateTimeOffset changedAt)
    : Exception("This was changed by someone else after it was opened.")
{
    public string ChangedBy { get; } = changedBy;
    public DateTimeOffset ChangedAt { get; } = changedAt;
}
