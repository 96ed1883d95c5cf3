using CharityCMS.Cases;
using CharityCMS.Workspaces;
using FluentValidation;
using Marten;

namespace CharityCMS.Marac;

/// <summary>Moves the meeting the referral is heard at, until its outcome is recorded.</summary>
public sealed record ChangeMaracMeetingDate(Guid ReferralId, long ExpectedVersion, DateOnly MeetingOn, string? Reason);

public sealed class ChangeMaracMeetingDateValidator : AbstractValidator<ChangeMaracMeetingDate>
{
    public const int ReasonMaximumLength = 500;

    public ChangeMaracMeetingDateValidator()
    {
        RuleFor(x => x.MeetingOn).Must(day => day.Year >= 2000).WithMessage("Enter the new meeting date.");
        RuleFor(x => x.Reason).MaximumLength(ReasonMaximumLength).WithMessage($"Keep the reason under {ReasonMaximumLength} characters.");
    }
}

public sealed class ChangeMaracMeetingDateHandler(IDocumentStore store, IValidator<ChangeMaracMeetingDate> validator, CaseloadGuard guard, TimeProvider clock)
{
    public async Task<long> HandleAsync(WorkspaceAccess access, ChangeMaracMeetingDate command, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "change MARAC meeting dates");
        await validator.ValidateAndThrowAsync(command, ct);
        return await MaracReferralStream.AppendAsync(store, guard, access, command.ReferralId, command.ExpectedVersion,
            referral => referral.ChangeMeetingDate(command.MeetingOn, command.Reason, access.Member, clock.GetUtcNow()), ct);
    }
}
