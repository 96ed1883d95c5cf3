using CharityCMS.Cases;
using CharityCMS.Workspaces;
using FluentValidation;
using Marten;

namespace CharityCMS.Grants;

/// <summary>The grant form: the terms as typed, with the funder and the owner by id.</summary>
public sealed record GrantTermsForm(
    Guid FunderId,
    string Title,
    string? Reference,
    decimal Amount,
    bool Restricted,
    DateOnly StartsOn,
    DateOnly EndsOn,
    IReadOnlyList<CaseService> Services,
    string? Posts,
    Guid OwnerId,
    DateOnly? RenewalDueOn);

public sealed class GrantTermsFormValidator : AbstractValidator<GrantTermsForm>
{
    public const decimal LargestAmount = 100_000_000m;

    public GrantTermsFormValidator()
    {
        RuleFor(x => x.FunderId).NotEmpty().WithMessage("Choose the funder.");
        RuleFor(x => x.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Give the grant a title.")
            .MaximumLength(150).WithMessage("Keep the title under 150 characters.");
        RuleFor(x => x.Reference).MaximumLength(60).WithMessage("Keep the funder's reference under 60 characters.");
        RuleFor(x => x.Amount).GreaterThan(0).WithMessage("Enter the amount awarded, more than £0.")
            .LessThanOrEqualTo(LargestAmount).WithMessage("Enter an amount under £100,000,000.")
            .Must(Money.HasAtMostTwoDecimals).WithMessage("Enter the amount in pounds and pence (at most two decimals).");
        RuleFor(x => x.StartsOn).Must(d => d.Year >= 2000).WithMessage("Enter the date the grant starts.");
        RuleFor(x => x.EndsOn).Cascade(CascadeMode.Stop)
            .Must(d => d.Year >= 2000).WithMessage("Enter the date the grant ends.")
            .GreaterThan(x => x.StartsOn).WithMessage("The grant must end after it starts.")
            .Must((form, end) => end <= form.StartsOn.AddYears(10)).WithMessage("A grant can run for at most 10 years.");
        RuleFor(x => x.Services).NotEmpty().WithMessage("Choose at least one service the grant funds.");
        RuleForEach(x => x.Services).IsInEnum().WithMessage("Choose services from the list.");
        RuleFor(x => x.Posts).MaximumLength(1000).WithMessage("Keep the posts under 1,000 characters.");
        RuleFor(x => x.OwnerId).NotEmpty().WithMessage("Choose who looks after the grant.");
        RuleFor(x => x.RenewalDueOn).Must(d => d is null || d.Value.Year >= 2000).WithMessage("Enter the renewal date in full.");
    }
}

/// <summary>Records a new grant, changes its terms, or deletes one entered in error.</summary>
public sealed class GrantTermsHandler(IDocumentStore store, GrantStreams streams, GrantReminders reminders, IValidator<GrantTermsForm> validator, TimeProvider clock)
{
    public async Task<Guid> RecordAsync(WorkspaceAccess access, GrantTermsForm form, CancellationToken ct)
    {
        access.Require(WorkspaceRole.Manager, "record grants");
        var terms = await TermsFromAsync(access, form, ct);
        await using var session = store.LightweightSession(access.WorkspaceId);
        var id = Guid.CreateVersion7();
        session.Events.StartStream<Grant>(id, new GrantRecorded(terms, access.Member, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        await reminders.RefreshAfterChangeAsync(access.WorkspaceId, ct);
        return id;
    }

    public async Task<Grant> ChangeAsync(WorkspaceAccess access, Guid grantId, long expectedVersion, GrantTermsForm form, CancellationToken ct)
    {
        access.Require(WorkspaceRole.Manager, "change grants");
        var terms = await TermsFromAsync(access, form, ct);
        return await streams.AppendAsync(access, grantId, expectedVersion, d => GrantDecisions.ChangeTerms(d, terms), ct);
    }

    public Task<Grant> DeleteAsync(WorkspaceAccess access, Guid grantId, long expectedVersion, string reason, CancellationToken ct) =>
        streams.AppendAsync(access, grantId, expectedVersion, d => GrantDecisions.Delete(d, reason), ct);

    private async Task<GrantTerms> TermsFromAsync(WorkspaceAccess access, GrantTermsForm form, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(form, ct);
        await using var session = store.QuerySession(access.WorkspaceId);
        var funder = await session.LoadAsync<Funder>(form.FunderId, ct) ?? throw new FunderNotFoundException();
        var owner = await ManagerAsync(access.WorkspaceId, form.OwnerId, ct);
        return new GrantTerms(funder.Id, funder.Name, form.Title, form.Reference, form.Amount, form.Restricted, form.StartsOn, form.EndsOn,
            form.Services, form.Posts, owner, form.RenewalDueOn).Normalised();
    }

    private async Task<StaffMember> ManagerAsync(string workspaceId, Guid memberId, CancellationToken ct)
    {
        await using var platform = store.QuerySession();
        var member = await platform.LoadAsync<Member>(memberId, ct);
        if (member is null || member.WorkspaceId != workspaceId || !member.Roles.Contains(WorkspaceRole.Manager))
            throw new GrantRuleException("Choose a manager of this workspace to look after the grant.");
        return member.AsStaff();
    }
}
