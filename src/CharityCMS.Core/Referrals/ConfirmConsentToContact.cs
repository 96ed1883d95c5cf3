using CharityCMS.Cases;
using CharityCMS.Workspaces;
using FluentValidation;
using Marten;

namespace CharityCMS.Referrals;

/// <summary>Records that she has now agreed to be contacted, and how that was confirmed. Until then no contact is allowed.</summary>
public sealed record ConfirmConsentToContact(Guid ReferralId, string HowConfirmed);

public sealed class ConfirmConsentToContactValidator : AbstractValidator<ConfirmConsentToContact>
{
    public ConfirmConsentToContactValidator()
    {
        RuleFor(x => x.HowConfirmed).NotEmpty().WithMessage("Say how her consent was confirmed, for example through the referrer.")
            .FreeText(500, "This note");
    }
}

public sealed class ConfirmConsentToContactHandler(IDocumentStore store, IValidator<ConfirmConsentToContact> validator, TimeProvider clock)
{
    public async Task HandleAsync(WorkspaceAccess access, ConfirmConsentToContact command, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "record consent to contact");
        await validator.ValidateAndThrowAsync(command, ct);

        await using var session = store.LightweightSession(access.WorkspaceId);
        var stream = await session.Events.FetchForWriting<Referral>(command.ReferralId, ct);
        var referral = stream.Aggregate ?? throw new ReferralNotFoundException();
        if (referral.ConsentToContact) throw new CaseworkRuleException("She has already agreed to be contacted.");
        stream.AppendOne(new ReferralConsentConfirmed(Text.TidyOrNull(command.HowConfirmed, keepLineBreaks: true)!, access.Member, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
    }
}
