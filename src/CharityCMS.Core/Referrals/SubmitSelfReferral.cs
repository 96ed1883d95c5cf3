using CharityCMS.Notifications;
using CharityCMS.Workspaces;
using FluentValidation;
using Marten;

namespace CharityCMS.Referrals;

/// <summary>
/// A woman asks for support through a charity's public form. She tells us as much or as little as
/// she likes, but at least one safe way to reach her.
/// </summary>
public sealed record SubmitSelfReferral(ReferredPerson Person, string? Reason, bool ConsentToContact);

public sealed class SubmitSelfReferralValidator : AbstractValidator<SubmitSelfReferral>
{
    public SubmitSelfReferralValidator(TimeProvider clock)
    {
        RuleFor(x => x.Person).NotNull().SetValidator(new ReferredPersonValidator(clock, herOwnForm: true));
        RuleFor(x => x.Person.Contact)
            .Must(c => c.Phones.Any(p => p.SafeToCall || p.SafeForText) || c.Email?.IsSafe == true)
            .WithMessage("Tell us at least one safe way to reach you: a phone number that is safe to call or text, or an email address that is safe to use.")
            .OverridePropertyName("Person.Contact")
            .When(x => x.Person?.Contact is not null);
        RuleFor(x => x.Reason).FreeText(ReferralRules.ReasonMaximumLength, "This box");
        RuleFor(x => x.ConsentToContact).Equal(true)
            .WithMessage("Please tick the box to say we may contact you in the ways you have told us are safe.");
    }
}

/// <summary>The unknown web name of a public form: answered as "not found".</summary>
public sealed class UnknownWorkspaceException() : Exception("No charity uses that web name.");

public sealed class SubmitSelfReferralHandler(IDocumentStore store, IValidator<SubmitSelfReferral> validator, NotificationInbox inbox, TimeProvider clock)
{
    /// <summary>Who records a self-referral: the public form, not a member of staff.</summary>
    public static readonly StaffMember PublicForm = new(Guid.Empty, "Self-referral form");

    public const string NotificationText = "A self-referral arrived through your website form. It is waiting in the triage queue.";

    /// <summary>The workspace whose public form lives at this web name, or null.</summary>
    public async Task<Workspace?> WorkspaceAsync(string slug, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(slug) || slug.Length > 40 || !slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')) return null;
        await using var platform = store.QuerySession();
        return await platform.LoadAsync<Workspace>(slug, ct);
    }

    public async Task<Guid> HandleAsync(string slug, SubmitSelfReferral command, CancellationToken ct)
    {
        var workspace = await WorkspaceAsync(slug, ct) ?? throw new UnknownWorkspaceException();
        await validator.ValidateAndThrowAsync(command, ct);

        await using var session = store.LightweightSession(workspace.Id);
        var now = clock.GetUtcNow();
        var referralId = Guid.CreateVersion7();
        session.Events.StartStream<Referral>(referralId, new ReferralReceived(
            ReferralSource.Self, null, now, Text.TidyOrNull(command.Reason, keepLineBreaks: true), null, command.ConsentToContact,
            command.Person.Normalised(), PublicForm, now));
        await inbox.NotifyManagersAsync(session, workspace.Id, NotificationKind.SelfReferralReceived, referralId.ToString("N"),
            NotificationText, $"/referrals/{referralId}", ct);
        await session.SaveChangesAsync(ct);
        return referralId;
    }
}
