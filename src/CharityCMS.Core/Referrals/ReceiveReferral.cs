using CharityCMS.Risk;
using CharityCMS.Workspaces;
using FluentValidation;
using Marten;

namespace CharityCMS.Referrals;

/// <summary>Staff record a referral from an agency: who referred her, when, why, and how to reach her safely.</summary>
public sealed record ReceiveReferral(
    ReferralSource Source,
    Referrer Referrer,
    DateTimeOffset ReceivedAt,
    string Reason,
    RiskLevel? KnownRisk,
    bool ConsentToContact,
    ReferredPerson Person);

public sealed class ReceiveReferralValidator : AbstractValidator<ReceiveReferral>
{
    public ReceiveReferralValidator(TimeProvider clock)
    {
        RuleFor(x => x.Source).IsInEnum().WithMessage("Choose who referred her.")
            .NotEqual(ReferralSource.Self).WithMessage("A self-referral arrives through the public form; choose the agency that referred her.");
        RuleFor(x => x.Referrer).NotNull().WithMessage("Enter the referring organisation.");
        RuleFor(x => x.Referrer.Organisation).NotEmpty().WithMessage("Enter the referring organisation.")
            .MaximumLength(120).WithMessage("The organisation can be at most 120 characters.")
            .Must(v => !Text.HasControlCharacters(v)).WithMessage(ReferredPersonValidator.ControlCharacters)
            .When(x => x.Referrer is not null);
        RuleFor(x => x.Referrer.ContactName).MaximumLength(100).WithMessage("The contact's name can be at most 100 characters.")
            .Must(v => !Text.HasControlCharacters(v)).WithMessage(ReferredPersonValidator.ControlCharacters)
            .When(x => x.Referrer is not null);
        RuleFor(x => x.Referrer.ContactPhone!)
            .MaximumLength(25).WithMessage("A phone number can be at most 25 characters.")
            .Matches(@"^\+?[0-9 ()\-]+$").WithMessage("A phone number can hold only digits, spaces, brackets, hyphens and a leading +.")
            .When(x => x.Referrer is not null && !string.IsNullOrWhiteSpace(x.Referrer.ContactPhone));
        RuleFor(x => x.Referrer.ContactEmail!)
            .MaximumLength(254).WithMessage("An email address can be at most 254 characters.")
            .EmailAddress().WithMessage("Enter an email address like name@example.org.")
            .When(x => x.Referrer is not null && !string.IsNullOrWhiteSpace(x.Referrer.ContactEmail));
        RuleFor(x => x.ReceivedAt)
            .Must(at => at <= clock.GetUtcNow().AddMinutes(5)).WithMessage("The date received cannot be in the future.")
            .Must(at => at.Year >= 2000).WithMessage("Enter the date the referral was received.");
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Enter the reason for the referral.")
            .FreeText(ReferralRules.ReasonMaximumLength, "The reason");
        RuleFor(x => x.KnownRisk).IsInEnum().WithMessage("Choose the known risk level, or not known.");
        RuleFor(x => x.Person).NotNull().SetValidator(new ReferredPersonValidator(clock));
    }
}

public sealed class ReceiveReferralHandler(IDocumentStore store, IValidator<ReceiveReferral> validator, TimeProvider clock)
{
    public async Task<Guid> HandleAsync(WorkspaceAccess access, ReceiveReferral command, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "record referrals");
        await validator.ValidateAndThrowAsync(command, ct);

        await using var session = store.LightweightSession(access.WorkspaceId);
        var referralId = Guid.CreateVersion7();
        session.Events.StartStream<Referral>(referralId, new ReferralReceived(
            command.Source, command.Referrer.Normalised(), command.ReceivedAt, Text.TidyOrNull(command.Reason, keepLineBreaks: true),
            command.KnownRisk, command.ConsentToContact, command.Person.Normalised(), access.Member, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        return referralId;
    }
}
