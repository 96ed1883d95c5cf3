using CharityCMS.Cases;
using CharityCMS.Workspaces;
using FluentValidation;
using Marten;

namespace CharityCMS.Referrals;

/// <summary>An attempt to make first contact with the woman referred: refused when the method is not safe for her.</summary>
public sealed record LogFirstContactAttempt(Guid ReferralId, ContactMethod Method, bool Successful, DateTimeOffset OccurredAt, string? PhoneNumber, string? Note);

public sealed class LogFirstContactAttemptValidator : AbstractValidator<LogFirstContactAttempt>
{
    public LogFirstContactAttemptValidator(TimeProvider clock)
    {
        RuleFor(x => x.Method).Must(SafeContact.Methods.Contains).WithMessage("Choose call, text, voicemail, email, letter or visit.");
        RuleFor(x => x.PhoneNumber).NotEmpty().WithMessage("Choose which of her phone numbers you used.").When(x => x.Method.UsesPhone());
        RuleFor(x => x.OccurredAt)
            .Must(at => at <= clock.GetUtcNow().AddMinutes(5)).WithMessage("The attempt cannot be in the future.")
            .Must(at => at.Year >= 2000).WithMessage("Enter when the attempt was made.");
        RuleFor(x => x.Note).FreeText(ReferralRules.NoteMaximumLength, "The note");
    }
}

public sealed class LogFirstContactAttemptHandler(IDocumentStore store, IValidator<LogFirstContactAttempt> validator, TimeProvider clock)
{
    public async Task HandleAsync(WorkspaceAccess access, LogFirstContactAttempt command, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "log contact attempts");
        await validator.ValidateAndThrowAsync(command, ct);

        await using var session = store.LightweightSession(access.WorkspaceId);
        var stream = await session.Events.FetchForWriting<Referral>(command.ReferralId, ct);
        var referral = stream.Aggregate ?? throw new ReferralNotFoundException();
        stream.AppendOne(referral.Attempt(command, access.Member, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
    }
}
