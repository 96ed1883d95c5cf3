using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.Settings;
using CharityCMS.Workspaces;
using FluentValidation;
using JasperFx;
using Marten;

namespace CharityCMS.Referrals;

// Triage: every decision is made against the referral's version as the worker saw it, and a
// referral is triaged once.

/// <summary>
/// Accept: link her to an existing client or register a new one (prefilled from the referral), and
/// open a case under a service with an optional worker. All of it is saved together or not at all.
/// </summary>
public sealed record AcceptReferral(
    Guid ReferralId,
    long ExpectedVersion,
    Guid? ExistingClientId,
    RegisterClient? NewClient,
    CaseService Service,
    Guid? WorkerId);

public sealed record DeclineReferral(Guid ReferralId, long ExpectedVersion, string Reason);

public sealed record SignpostReferral(Guid ReferralId, long ExpectedVersion, string Organisation, string? Note);

public sealed record ReferralAcceptance(Guid ClientId, string ClientReference, Guid CaseId);

public sealed class AcceptReferralValidator : AbstractValidator<AcceptReferral>
{
    public AcceptReferralValidator(IValidator<RegisterClient> registration)
    {
        RuleFor(x => x.ExistingClientId).NotNull()
            .WithMessage("Choose an existing client, or register her as a new client.")
            .When(x => x.NewClient is null);
        RuleFor(x => x.ExistingClientId).Null()
            .WithMessage("Either link an existing client or register a new one, not both.")
            .When(x => x.NewClient is not null);
        RuleFor(x => x.NewClient!).SetValidator(registration).When(x => x.NewClient is not null);
        RuleFor(x => x.Service).IsInEnum().WithMessage("Choose a service.");
    }
}

public sealed class DeclineReferralValidator : AbstractValidator<DeclineReferral>
{
    public DeclineReferralValidator()
    {
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Say why the referral is declined.")
            .FreeText(ReferralRules.NoteMaximumLength, "The reason");
    }
}

public sealed class SignpostReferralValidator : AbstractValidator<SignpostReferral>
{
    public SignpostReferralValidator()
    {
        RuleFor(x => x.Organisation).NotEmpty().WithMessage("Enter the organisation she was signposted to.")
            .MaximumLength(120).WithMessage("The organisation can be at most 120 characters.")
            .Must(v => !Text.HasControlCharacters(v)).WithMessage(ReferredPersonValidator.ControlCharacters);
        RuleFor(x => x.Note).FreeText(ReferralRules.NoteMaximumLength, "The note");
    }
}

/// <summary>Someone else changed the referral after it was opened: who and when, never what.</summary>
public sealed class ReferralChangedElsewhereException(string changedBy, DateTimeOffset changedAt)
    : Exception("The referral was changed by someone else after it was opened.")
{
    public string ChangedBy { get; } = changedBy;
    public DateTimeOffset ChangedAt { get; } = changedAt;
}

public sealed class ReferralNotFoundException() : Exception("No referral with that id exists in this workspace.");

public sealed class TriageReferralHandler(
    IDocumentStore store,
    IValidator<AcceptReferral> acceptRules,
    IValidator<DeclineReferral> declineRules,
    IValidator<SignpostReferral> signpostRules,
    ClientReferences references,
    OpenCaseHandler openCase,
    TimeProvider clock)
{
    public async Task<ReferralAcceptance> AcceptAsync(WorkspaceAccess access, AcceptReferral command, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "triage referrals");
        await acceptRules.ValidateAndThrowAsync(command, ct);

        return await DecideAsync(access, command.ReferralId, command.ExpectedVersion, async (session, stream, referral) =>
        {
            var now = clock.GetUtcNow();
            var caseId = Guid.CreateVersion7();
            var openCommand = new OpenCase(command.ExistingClientId ?? Guid.CreateVersion7(), command.Service, command.WorkerId, UkCalendar.Today(clock), referral.Id);
            CaseOpened opened;
            if (command.NewClient is { } registration)
            {
                var reference = await references.NextAsync(session, ct);
                session.Events.StartStream<Client>(openCommand.ClientId, Client.Registering(registration, reference, access.Member, now));
                opened = await openCase.DecideForNewClientAsync(session, access, reference, openCommand, ct);
            }
            else
            {
                opened = await LinkAsync(session, access, openCommand, ct);
            }
            session.Events.StartStream<Case>(caseId, opened);
            stream.AppendOne(new ReferralAccepted(opened.ClientId, opened.ClientReference, command.NewClient is not null, caseId, command.Service, opened.Worker, access.Member, now));
            return new ReferralAcceptance(opened.ClientId, opened.ClientReference, caseId);
        }, ct);
    }

    /// <summary>
    /// Linking a referral to an existing client opens a case for her, so it needs the reach that
    /// opening her record needs; otherwise triage would be a way round the caseload.
    /// </summary>
    private async Task<CaseOpened> LinkAsync(IDocumentSession session, WorkspaceAccess access, OpenCase command, CancellationToken ct)
    {
        try
        {
            return await openCase.DecideAsync(session, access, command, ct);
        }
        catch (OutsideCaseloadException)
        {
            throw new CaseworkRuleException(
                "This client is not on your caseload, so you cannot link the referral to her. Ask a manager to accept it, or open her record and say why you need it (break the glass) first.");
        }
    }

    public async Task DeclineAsync(WorkspaceAccess access, DeclineReferral command, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "triage referrals");
        await declineRules.ValidateAndThrowAsync(command, ct);
        await DecideAsync(access, command.ReferralId, command.ExpectedVersion, (_, stream, _) =>
        {
            stream.AppendOne(new ReferralDeclined(Text.TidyOrNull(command.Reason, keepLineBreaks: true)!, access.Member, clock.GetUtcNow()));
            return Task.FromResult(true);
        }, ct);
    }

    public async Task SignpostAsync(WorkspaceAccess access, SignpostReferral command, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "triage referrals");
        await signpostRules.ValidateAndThrowAsync(command, ct);
        await DecideAsync(access, command.ReferralId, command.ExpectedVersion, (_, stream, _) =>
        {
            stream.AppendOne(new ReferralSignposted(Text.Tidy(command.Organisation), Text.TidyOrNull(command.Note, keepLineBreaks: true),
                access.Member, clock.GetUtcNow()));
            return Task.FromResult(true);
        }, ct);
    }

    /// <summary>Loads the referral at the version the worker saw, refuses a second triage, decides, saves once.</summary>
    private async Task<T> DecideAsync<T>(WorkspaceAccess access, Guid referralId, long expectedVersion,
        Func<IDocumentSession, JasperFx.Events.IEventStream<Referral>, Referral, Task<T>> decide, CancellationToken ct)
    {
        await using var session = store.LightweightSession(access.WorkspaceId);
        try
        {
            var stream = await session.Events.FetchForWriting<Referral>(referralId, expectedVersion, ct);
            var referral = stream.Aggregate ?? throw new ReferralNotFoundException();
            referral.EnsureUntriaged();
            var result = await decide(session, stream, referral);
            await session.SaveChangesAsync(ct);
            return result;
        }
        catch (ConcurrencyException)
        {
            var current = await session.LoadAsync<Referral>(referralId, ct) ?? throw new ReferralNotFoundException();
            current.EnsureUntriaged();
            throw new ReferralChangedElsewhereException(current.LastChangedBy.Name, current.LastChangedAt);
        }
    }
}
