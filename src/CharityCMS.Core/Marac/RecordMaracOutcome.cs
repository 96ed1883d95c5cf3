using CharityCMS.Cases;
using CharityCMS.Workspaces;
using FluentValidation;
using Marten;

namespace CharityCMS.Marac;

/// <summary>Records what the meeting concluded, once it has been held. Recorded once.</summary>
public sealed record RecordMaracOutcome(Guid ReferralId, long ExpectedVersion, string Outcome);

public sealed class RecordMaracOutcomeValidator : AbstractValidator<RecordMaracOutcome>
{
    public const int OutcomeMaximumLength = 4000;

    public RecordMaracOutcomeValidator()
    {
        RuleFor(x => x.Outcome).Must(o => !string.IsNullOrWhiteSpace(o)).WithMessage("Say what the meeting concluded.")
            .MaximumLength(OutcomeMaximumLength).WithMessage($"Keep the outcome under {OutcomeMaximumLength} characters.");
    }
}

public sealed class RecordMaracOutcomeHandler(IDocumentStore store, IValidator<RecordMaracOutcome> validator, CaseloadGuard guard, TimeProvider clock)
{
    public async Task<long> HandleAsync(WorkspaceAccess access, RecordMaracOutcome command, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "record MARAC outcomes");
        await validator.ValidateAndThrowAsync(command, ct);
        return await MaracReferralStream.AppendAsync(store, guard, access, command.ReferralId, command.ExpectedVersion,
            referral => referral.RecordOutcome(command.Outcome, UkCalendar.Today(clock), access.Member, clock.GetUtcNow()), ct);
    }
}
