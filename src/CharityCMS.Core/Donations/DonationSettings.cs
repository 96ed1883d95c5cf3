using CharityCMS.Audit;
using CharityCMS.Workspaces;
using FluentValidation;
using Marten;

namespace CharityCMS.Donations;

/// <summary>
/// The amounts the donation page offers and accepts, in pounds. One document per workspace; a
/// workspace that never saved them has the defaults.
/// </summary>
public sealed record DonationSettings
{
    public const string DocumentId = "donations";

    public string Id { get; init; } = DocumentId;

    public decimal MinimumPounds { get; init; } = 2m;

    public decimal MaximumPounds { get; init; } = 10_000m;

    public IReadOnlyList<decimal> PresetPounds { get; init; } = [5m, 10m, 25m, 50m];

    public static readonly DonationSettings Default = new();
}

public sealed class DonationSettingsValidator : AbstractValidator<DonationSettings>
{
    public DonationSettingsValidator()
    {
        // Stripe takes at least 30p in pounds sterling, and at most £999,999.99 a payment.
        RuleFor(x => x.MinimumPounds).InclusiveBetween(1m, 1_000m).WithMessage("Give a minimum from £1 to £1,000.")
            .Must(HasPence).WithMessage("Give the minimum with at most two numbers after the point.");
        RuleFor(x => x.MaximumPounds).InclusiveBetween(1m, 100_000m).WithMessage("Give a maximum from £1 to £100,000.")
            .Must(HasPence).WithMessage("Give the maximum with at most two numbers after the point.")
            .GreaterThan(x => x.MinimumPounds).WithMessage("The maximum must be more than the minimum.");
        RuleFor(x => x.PresetPounds).NotEmpty().WithMessage("Give at least one amount to offer.")
            .Must(p => p.Count <= 6).WithMessage("Offer at most 6 amounts.")
            .Must(p => p.Distinct().Count() == p.Count).WithMessage("Give each amount once.");
        RuleForEach(x => x.PresetPounds).Must((settings, amount) => amount >= settings.MinimumPounds && amount <= settings.MaximumPounds)
            .WithMessage("Each amount offered must be between the minimum and the maximum.")
            .Must(HasPence).WithMessage("Give each amount with at most two numbers after the point.");
    }

    private static bool HasPence(decimal amount) => decimal.Round(amount, 2) == amount;
}

/// <summary>Reads and saves a workspace's donation settings. Fundraisers and workspace admins change them; a change is audited.</summary>
public sealed class DonationSettingsStore(IDocumentStore store, IValidator<DonationSettings> validator, TimeProvider clock)
{
    /// <summary>For the public donation page, which has no signed-in member.</summary>
    public async Task<DonationSettings> ReadAsync(string workspaceId, CancellationToken ct)
    {
        await using var session = store.QuerySession(workspaceId);
        return await session.LoadAsync<DonationSettings>(DonationSettings.DocumentId, ct) ?? DonationSettings.Default;
    }

    public async Task<DonationSettings> GetAsync(WorkspaceAccess access, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.Fundraising, "see the donation settings");
        return await ReadAsync(access.WorkspaceId, ct);
    }

    public async Task SaveAsync(WorkspaceAccess access, DonationSettings settings, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.Fundraising, "change the donation settings");
        var sorted = settings with { Id = DonationSettings.DocumentId, PresetPounds = settings.PresetPounds.Order().ToList() };
        await validator.ValidateAndThrowAsync(sorted, ct);
        await using var session = store.LightweightSession(access.WorkspaceId);
        session.Store(sorted);
        session.Insert(AuditEntry.By(access.Member, access.WorkspaceId, AuditAction.DonationSettingsChanged, null, clock.GetUtcNow(),
            $"Donations from £{sorted.MinimumPounds:N2} to £{sorted.MaximumPounds:N2}; offered {string.Join(", ", sorted.PresetPounds.Select(p => $"£{p:0.##}"))}."));
        await session.SaveChangesAsync(ct);
    }
}
