using CharityCMS.Workspaces;
using FluentValidation;

namespace CharityCMS.Cases;

/// <summary>
/// An action on her safety plan (panic alarm fitted, non-molestation order applied for...), with who owns it and when to review it.
/// Adding replaces nothing, so it carries no case version: a colleague's change meanwhile does not stop a new action.
/// </summary>
public sealed record AddSafetyPlanAction(Guid CaseId, string Action, string Owner, DateOnly ReviewOn);

/// <summary>
/// A review of one action: where it stands, and when to look again while it is still open. It replaces the action's
/// status, so it carries the case version the review form was opened at: a review against an out-of-date case is refused, not merged.
/// </summary>
public sealed record ReviewSafetyPlanAction(Guid CaseId, long ExpectedVersion, Guid ActionId, SafetyActionStatus Status, DateOnly? NextReviewOn, string? Note);

public sealed class AddSafetyPlanActionValidator : AbstractValidator<AddSafetyPlanAction>
{
    public AddSafetyPlanActionValidator(TimeProvider clock)
    {
        RuleFor(x => x.Action).RequiredLine("action");
        RuleFor(x => x.Owner).RequiredLine("owner (a person or an agency)");
        RuleFor(x => x.ReviewOn).Must(d => d >= UkCalendar.Today(clock)).WithMessage("The review date cannot be in the past.")
            .Must(d => d <= UkCalendar.Today(clock).AddYears(1)).WithMessage("Review the action within a year.");
    }
}

public sealed class ReviewSafetyPlanActionValidator : AbstractValidator<ReviewSafetyPlanAction>
{
    public ReviewSafetyPlanActionValidator(TimeProvider clock)
    {
        RuleFor(x => x.Status).IsInEnum().WithMessage("Choose the status.");
        RuleFor(x => x.NextReviewOn).Must(d => d is null || d >= UkCalendar.Today(clock)).WithMessage("The next review cannot be in the past.");
        RuleFor(x => x.Note).OptionalNote("review note");
    }
}

public sealed class SafetyPlanHandler(CaseStreams cases, IValidator<AddSafetyPlanAction> addRules, IValidator<ReviewSafetyPlanAction> reviewRules)
{
    public async Task<Case> AddAsync(WorkspaceAccess access, AddSafetyPlanAction command, CancellationToken ct)
    {
        await addRules.ValidateAndThrowAsync(command, ct);
        return await cases.AppendAsync(access, command.CaseId, null, d => [d.Case.AddSafetyPlanAction(command, d.By, d.At)], ct);
    }

    public async Task<Case> ReviewAsync(WorkspaceAccess access, ReviewSafetyPlanAction command, CancellationToken ct)
    {
        await reviewRules.ValidateAndThrowAsync(command, ct);
        return await cases.AppendAsync(access, command.CaseId, command.ExpectedVersion, d => [d.Case.ReviewSafetyPlanAction(command, d.By, d.At)], ct);
    }
}
