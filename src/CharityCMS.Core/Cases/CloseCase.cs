using CharityCMS.Workspaces;
using FluentValidation;

namespace CharityCMS.Cases;

/// <summary>Closes a case with the reason (no default: the worker chooses it, so closures are counted honestly), and her exit outcomes when she gave them.</summary>
public sealed record CloseCase(Guid CaseId, long ExpectedVersion, CaseClosureReason? Reason, string? Note, DateOnly ClosedOn, OutcomeScores? ExitOutcomes);

public sealed class CloseCaseValidator : AbstractValidator<CloseCase>
{
    internal const string NoReason = "Choose why the case is closing.";

    public CloseCaseValidator(TimeProvider clock)
    {
        RuleFor(x => x.Reason).NotNull().WithMessage(NoReason).IsInEnum().WithMessage(NoReason);
        RuleFor(x => x.Note).OptionalNote("closing note");
        RuleFor(x => x.ClosedOn).NotInFuture(clock, "closing date");
        RuleFor(x => x.ExitOutcomes!).SetValidator(new OutcomeScoresValidator()).When(x => x.ExitOutcomes is not null);
    }
}

public sealed class CloseCaseHandler(CaseStreams cases, IValidator<CloseCase> validator)
{
    public async Task<Case> HandleAsync(WorkspaceAccess access, CloseCase command, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(command, ct);
        return await cases.AppendAsync(access, command.CaseId, command.ExpectedVersion, d => d.Case.Close(command, d.By, d.At), ct);
    }
}
