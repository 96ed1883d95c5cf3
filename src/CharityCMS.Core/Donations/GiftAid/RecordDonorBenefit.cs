using CharityCMS.Workspaces;
using FluentValidation;
using Marten;

namespace CharityCMS.Donations.GiftAid;

/// <summary>A benefit the donor received for one gift, as the fundraiser records it.</summary>
public sealed record RecordDonorBenefit(Guid DonationId, long ValuePence, string Description);

public sealed class RecordDonorBenefitValidator : AbstractValidator<RecordDonorBenefit>
{
    public RecordDonorBenefitValidator()
    {
        RuleFor(x => x.DonationId).NotEmpty().WithMessage("Choose the gift.");
        RuleFor(x => x.ValuePence).GreaterThan(0).WithMessage("Enter what the benefit was worth, more than £0.")
            .LessThanOrEqualTo(100_000_000).WithMessage("Enter a value under £1,000,000.");
        RuleFor(x => x.Description).Must(d => !string.IsNullOrWhiteSpace(d)).WithMessage("Say what she received.")
            .MaximumLength(200).WithMessage("Keep the description under 200 characters.");
    }
}

public sealed class RecordDonorBenefitHandler(IDocumentStore store, IValidator<RecordDonorBenefit> validator, TimeProvider clock)
{
    public async Task HandleAsync(WorkspaceAccess access, RecordDonorBenefit command, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.Fundraising, "record donor benefits");
        await validator.ValidateAndThrowAsync(command, ct);
        await using var session = store.LightweightSession(access.WorkspaceId);
        var stream = await session.Events.FetchForWriting<Donation>(command.DonationId, ct);
        if (stream.Aggregate is not { IsReceived: true })
            throw new GiftAidRuleException("No gift with that id has reached the charity.");
        stream.AppendOne(new DonorBenefitRecorded(command.ValuePence, command.Description.Trim(), access.Member, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
    }
}
