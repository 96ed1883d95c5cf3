using CharityCMS.Cases;
using CharityCMS.Workspaces;
using FluentValidation;
using Marten;

namespace CharityCMS.Marac;

/// <summary>Marks an agreed action done, on the day it was done.</summary>
public sealed record CompleteMaracAction(Guid ReferralId, long ExpectedVersion, Guid ActionId, DateOnly CompletedOn, string? Note);

public sealed class CompleteMaracActionValidator : AbstractValidator<CompleteMaracAction>
{
    public const int NoteMaximumLength = 1000;

    public CompleteMaracActionValidator(TimeProvider clock)
    {
        RuleFor(x => x.CompletedOn).Must(day => day <= UkCalendar.Today(clock)).WithMessage("An action cannot be completed on a future date.");
        RuleFor(x => x.Note).MaximumLength(NoteMaximumLength).WithMessage($"Keep the note under {NoteMaximumLength} characters.");
    }
}

public sealed class CompleteMaracActionHandler(IDocumentStore store, IValidator<CompleteMaracAction> validator, CaseloadGuard guard, TimeProvider clock)
{
    public async Task<long> HandleAsync(WorkspaceAccess access, CompleteMaracAction command, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "record MARAC actions");
        await validator.ValidateAndThrowAsync(command, ct);
        return await MaracReferralStream.AppendAsync(store, guard, access, command.ReferralId, command.ExpectedVersion,
            referral => referral.CompleteAction(command.ActionId, command.CompletedOn, command.Note, access.Member, clock.GetUtcNow()), ct);
    }
}
