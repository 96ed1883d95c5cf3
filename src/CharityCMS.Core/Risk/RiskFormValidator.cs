using FluentValidation;

namespace CharityCMS.Risk;

/// <summary>What can be checked about a checklist form without the workspace's bands: known questions, known answers, text lengths.</summary>
public sealed class RiskFormValidator : AbstractValidator<RiskForm>
{
    public const int RationaleMaximumLength = 2000;

    public RiskFormValidator()
    {
        RuleFor(x => x.Answers).NotNull()
            .Must(a => a.All(x => RiskChecklist.QuestionIds.Contains(x.QuestionId))).WithMessage("An answer was given to a question that is not on the checklist.")
            .Must(a => a.All(x => Enum.IsDefined(x.Answer))).WithMessage("Answer each question with yes, no, don't know or not asked.");
        RuleFor(x => x.StalkingAnswers).NotNull()
            .Must(a => a.All(x => RiskChecklist.StalkingScreenIds.Contains(x.QuestionId))).WithMessage("An answer was given to a question that is not on the stalking screen.")
            .Must(a => a.All(x => Enum.IsDefined(x.Answer))).WithMessage("Answer each stalking question with yes, no, don't know or not asked.");
        RuleFor(x => x.Judgement).IsInEnum().WithMessage("Choose a risk level for your professional judgement.");
        RuleFor(x => x.Rationale).MaximumLength(RationaleMaximumLength)
            .WithMessage($"Keep the rationale under {RationaleMaximumLength} characters.");
    }
}
