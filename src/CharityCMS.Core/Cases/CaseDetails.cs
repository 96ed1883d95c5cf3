using CharityCMS.Workspaces;
using FluentValidation;

namespace CharityCMS.Cases;

/// <summary>The kinds of abuse she has experienced, as recorded on this case (several at once).</summary>
public sealed record RecordAbuseTypes(Guid CaseId, long ExpectedVersion, IReadOnlyCollection<AbuseType> AbuseTypes);

/// <summary>Her answers to the outcome measures, at intake or at exit.</summary>
public sealed record RecordOutcomes(Guid CaseId, OutcomeStage Stage, OutcomeScores Scores);

public sealed class OutcomeScoresValidator : AbstractValidator<OutcomeScores>
{
    public OutcomeScoresValidator()
    {
        const string message = "Choose a score from 1 to 10.";
        RuleFor(x => x.FeelsSafe).InclusiveBetween(1, 10).WithMessage(message);
        RuleFor(x => x.AbuseStoppedOrReduced).InclusiveBetween(1, 10).WithMessage(message);
        RuleFor(x => x.Wellbeing).InclusiveBetween(1, 10).WithMessage(message);
        RuleFor(x => x.ConfidentToSeekHelp).InclusiveBetween(1, 10).WithMessage(message);
    }
}

public sealed class RecordAbuseTypesValidator : AbstractValidator<RecordAbuseTypes>
{
    public RecordAbuseTypesValidator() =>
        RuleForEach(x => x.AbuseTypes).IsInEnum().WithMessage("Choose from the list.");
}

public sealed class RecordOutcomesValidator : AbstractValidator<RecordOutcomes>
{
    public RecordOutcomesValidator()
    {
        RuleFor(x => x.Stage).IsInEnum();
        RuleFor(x => x.Scores).SetValidator(new OutcomeScoresValidator());
    }
}

public sealed class CaseDetailsHandler(CaseStreams cases, IValidator<RecordAbuseTypes> abuseRules, IValidator<RecordOutcomes> outcomeRules)
{
    public async Task<Case> RecordAbuseTypesAsync(WorkspaceAccess access, RecordAbuseTypes command, CancellationToken ct)
    {
        await abuseRules.ValidateAndThrowAsync(command, ct);
        return await cases.AppendAsync(access, command.CaseId, command.ExpectedVersion, d => d.Case.RecordAbuseTypes(command.AbuseTypes, d.By, d.At), ct);
    }

    public async Task<Case> RecordOutcomesAsync(WorkspaceAccess access, RecordOutcomes command, CancellationToken ct)
    {
        await outcomeRules.ValidateAndThrowAsync(command, ct);
        return await cases.AppendAsync(access, command.CaseId, null, d => [d.Case.RecordOutcomes(command.Stage, command.Scores, d.By, d.At)], ct);
    }
}
