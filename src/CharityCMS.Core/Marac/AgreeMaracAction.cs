using CharityCMS.Cases;
using CharityCMS.Workspaces;
using FluentValidation;
using Marten;

namespace CharityCMS.Marac;

/// <summary>Records an action agreed at the meeting: what, which agency owns it, and when it is due.</summary>
public sealed record AgreeMaracAction(Guid ReferralId, long ExpectedVersion, string Action, string OwnerAgency, DateOnly DueOn);

public sealed class AgreeMaracActionValidator : AbstractValidator<AgreeMaracAction>
{
    public const int ActionMaximumLength = 500;
    public const int AgencyMaximumLength = 100;

    public AgreeMaracActionValidator()
    {
        RuleFor(x => x.Action).Must(a => !string.IsNullOrWhiteSpace(a)).WithMessage("Say what the action is.")
            .MaximumLength(ActionMaximumLength).WithMessage($"Keep the action under {ActionMaximumLength} characters.");
        RuleFor(x => x.OwnerAgency).Must(a => !string.IsNullOrWhiteSpace(a)).WithMessage("Say which agency owns the action.")
            .MaximumLength(AgencyMaximumLength).WithMessage($"Keep the agency's name under {AgencyMaximumLength} characters.");
        RuleFor(x => x.DueOn).Must(day => day.Year >= 2000).WithMessage("Enter the date the action is due.");
    }
}

public sealed class AgreeMaracActionHandler(IDocumentStore store, IValidator<AgreeMaracAction> validator, CaseloadGuard guard, TimeProvider clock)
{
    public async Task<long> HandleAsync(WorkspaceAccess access, AgreeMaracAction command, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "record MARAC actions");
        await validator.ValidateAndThrowAsync(command, ct);
        return await MaracReferralStream.AppendAsync(store, guard, access, command.ReferralId, command.ExpectedVersion,
            referral => referral.AgreeAction(Guid.CreateVersion7(), command.Action, command.OwnerAgency, command.DueOn, access.Member, clock.GetUtcNow()), ct);
    }
}
