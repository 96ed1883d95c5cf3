using CharityCMS.Workspaces;
using FluentValidation;

namespace CharityCMS.Cases;

/// <summary>A referral from this charity to another organisation for the client (refuge, counselling, legal advice...).</summary>
public sealed record MakeOnwardReferral(Guid CaseId, string Organisation, OnwardReferralKind Kind, string? Reason, DateOnly MadeOn);

/// <summary>Where an onward referral now stands, with a note (who she spoke to, why it was declined); at the case version the form was loaded from.</summary>
public sealed record ChangeOnwardReferralStatus(Guid CaseId, long ExpectedVersion, Guid OnwardReferralId, OnwardReferralStatus Status, string? Note);

public sealed class MakeOnwardReferralValidator : AbstractValidator<MakeOnwardReferral>
{
    public MakeOnwardReferralValidator(TimeProvider clock)
    {
        RuleFor(x => x.Organisation).RequiredLine("organisation");
        RuleFor(x => x.Kind).IsInEnum().WithMessage("Choose the kind of support.");
        RuleFor(x => x.Reason).OptionalNote("reason");
        RuleFor(x => x.MadeOn).NotInFuture(clock, "referral date");
    }
}

public sealed class ChangeOnwardReferralStatusValidator : AbstractValidator<ChangeOnwardReferralStatus>
{
    public ChangeOnwardReferralStatusValidator()
    {
        RuleFor(x => x.Status).IsInEnum().WithMessage("Choose the status.");
        RuleFor(x => x.Note).OptionalNote("note");
    }
}

public sealed class OnwardReferralsHandler(CaseStreams cases, IValidator<MakeOnwardReferral> makeRules, IValidator<ChangeOnwardReferralStatus> statusRules)
{
    public async Task<Case> MakeAsync(WorkspaceAccess access, MakeOnwardReferral command, CancellationToken ct)
    {
        await makeRules.ValidateAndThrowAsync(command, ct);
        return await cases.AppendAsync(access, command.CaseId, null, d => [d.Case.MakeOnwardReferral(command, d.By, d.At)], ct);
    }

    public async Task<Case> ChangeStatusAsync(WorkspaceAccess access, ChangeOnwardReferralStatus command, CancellationToken ct)
    {
        await statusRules.ValidateAndThrowAsync(command, ct);
        return await cases.AppendAsync(access, command.CaseId, command.ExpectedVersion,
            d => d.Case.ChangeOnwardReferralStatus(command.OnwardReferralId, command.Status, command.Note, d.By, d.At), ct);
    }
}
