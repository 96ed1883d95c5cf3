using CharityCMS.Referrals;
using CharityCMS.Workspaces;
using FluentValidation;
using Marten;

namespace CharityCMS.Cases;

/// <summary>A contact with the client, or an attempt, as the worker records it.</summary>
public sealed record LogContact(Guid CaseId, ContactMethod Method, bool Successful, DateTimeOffset OccurredAt, int? DurationMinutes, string? PhoneNumber, string Note);

/// <summary>A correction to a saved contact note. The original stays; the correction points at it.</summary>
public sealed record AmendContactNote(Guid CaseId, Guid ContactId, string Note);

public sealed class LogContactValidator : AbstractValidator<LogContact>
{
    public LogContactValidator(TimeProvider clock)
    {
        RuleFor(x => x.Method).IsInEnum().WithMessage("Choose how you made contact.");
        RuleFor(x => x.OccurredAt).Must(at => at <= clock.GetUtcNow().AddMinutes(5)).WithMessage("A contact cannot be in the future.")
            .Must(at => at.Year >= 2000).WithMessage("Check the date of the contact.");
        RuleFor(x => x.DurationMinutes).InclusiveBetween(0, 600).When(x => x.DurationMinutes is not null)
            .WithMessage("Give the duration in minutes, up to 600 (10 hours).");
        // Asked here as well as in the safe-contact rules so the message sits beside the number on the form.
        RuleFor(x => x.PhoneNumber).Must(p => !string.IsNullOrWhiteSpace(p)).When(x => x.Method.UsesPhone()).WithMessage(SafeContactRules.NoNumberChosen);
        RuleFor(x => x.Note).RequiredNote("note");
    }
}

public sealed class AmendContactNoteValidator : AbstractValidator<AmendContactNote>
{
    public AmendContactNoteValidator() => RuleFor(x => x.Note).RequiredNote("correction");
}

public sealed class ContactLogHandler(CaseStreams cases, IValidator<LogContact> logRules, IValidator<AmendContactNote> amendRules)
{
    /// <summary>Logs the contact; refused with the reason when the method is not safe for her.</summary>
    public async Task<Case> LogAsync(WorkspaceAccess access, LogContact command, CancellationToken ct)
    {
        await logRules.ValidateAndThrowAsync(command, ct);
        return await cases.AppendAsync(access, command.CaseId, null, d => [d.Case.LogContact(command, d)], ct,
            (session, current, events) => FirstContactOnReferralAsync(session, current, events, ct));
    }

    /// <summary>
    /// A case opened from a referral may be where she is first reached; the referral records when,
    /// so the time from referral to first contact does not wait for someone to log it twice.
    /// </summary>
    private static async Task FirstContactOnReferralAsync(IDocumentSession session, Case current, IReadOnlyList<WorkspaceEvent> events, CancellationToken ct)
    {
        if (current.ReferralId is not { } referralId || events.OfType<ContactLogged>().SingleOrDefault() is not { Successful: true } contact) return;
        var stream = await session.Events.FetchForWriting<Referral>(referralId, ct);
        if (stream.Aggregate?.FirstContactOnCase(current.Id, contact) is { } first) stream.AppendOne(first);
    }

    public async Task<Case> AmendAsync(WorkspaceAccess access, AmendContactNote command, CancellationToken ct)
    {
        await amendRules.ValidateAndThrowAsync(command, ct);
        return await cases.AppendAsync(access, command.CaseId, null, d => [d.Case.AmendContactNote(command.ContactId, command.Note, d.By, d.At)], ct);
    }
}
