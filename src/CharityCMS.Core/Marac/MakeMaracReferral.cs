using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.Risk;
using CharityCMS.Workspaces;
using FluentValidation;
using Marten;

namespace CharityCMS.Marac;

/// <summary>Refers a client to MARAC. The criteria and the repeat flag are worked out from her record, never typed in.</summary>
public sealed record MakeMaracReferral(Guid ClientId, Guid? CaseId, DateOnly ReferredOn, DateOnly MeetingOn);

public sealed class MakeMaracReferralValidator : AbstractValidator<MakeMaracReferral>
{
    public MakeMaracReferralValidator(TimeProvider clock)
    {
        RuleFor(x => x.ClientId).NotEmpty().WithMessage("Choose the client.");
        RuleFor(x => x.ReferredOn).Must(day => day <= UkCalendar.Today(clock)).WithMessage("A referral cannot be dated in the future.")
            .Must(day => day.Year >= 2000).WithMessage("Enter the date of the referral.");
        RuleFor(x => x.MeetingOn).Must((x, day) => day >= x.ReferredOn).WithMessage("The meeting cannot be before the referral.")
            .Must((x, day) => day <= x.ReferredOn.AddMonths(6)).WithMessage("The meeting must be within six months of the referral.");
    }
}

public sealed class MakeMaracReferralHandler(IDocumentStore store, IValidator<MakeMaracReferral> validator, CaseloadGuard guard, TimeProvider clock)
{
    public async Task<Guid> HandleAsync(WorkspaceAccess access, MakeMaracReferral command, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "refer clients to MARAC");
        await validator.ValidateAndThrowAsync(command, ct);

        await using var session = store.LightweightSession(access.WorkspaceId);
        var client = await session.LoadAsync<Client>(command.ClientId, ct) ?? throw new ClientNotFoundException();
        await guard.RequireAsync(session, access, client.Id, ct);
        if (command.CaseId is { } caseId && (await session.LoadAsync<Case>(caseId, ct))?.ClientId != client.Id)
            throw new CaseworkRuleException("That case is not one of this client's cases.");

        var summary = await ClientRisk.ReadAsync(session, client.Id, command.ReferredOn, ct);
        var made = Decide(summary, client.Reference, command, access.Member, clock.GetUtcNow());
        var referralId = Guid.CreateVersion7();
        session.Events.StartStream<MaracReferral>(referralId, made);
        await session.SaveChangesAsync(ct);
        return referralId;
    }

    /// <summary>The referral, with the criteria the client meets; refused when she meets none or already waits for a meeting.</summary>
    public static MaracReferralMade Decide(ClientRiskSummary summary, string clientReference, MakeMaracReferral command, StaffMember by, DateTimeOffset at)
    {
        if (summary.OpenReferral is { } open)
            throw new CaseworkRuleException($"She was referred on {open.ReferredOn:d MMM yyyy} and that meeting ({open.MeetingOn:d MMM yyyy}) has no outcome yet. Change its meeting date or record its outcome instead.");
        if (!summary.Marac.AnyMet)
            throw new CaseworkRuleException("She meets none of the MARAC criteria. If you judge her to be at high risk, complete a risk assessment with your professional judgement and rationale first.");
        return new MaracReferralMade(summary.ClientId, clientReference, command.CaseId, summary.Marac.Met, summary.Marac.IsRepeat,
            command.ReferredOn, command.MeetingOn, by, at);
    }
}
