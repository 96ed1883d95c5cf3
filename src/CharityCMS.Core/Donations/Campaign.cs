using System.Text.RegularExpressions;
using CharityCMS.Audit;
using CharityCMS.Workspaces;
using FluentValidation;
using Marten;

namespace CharityCMS.Donations;

/// <summary>
/// A fundraising campaign, such as the 16 days of activism. Its id is its web name (<c>16-days</c>):
/// the donation page's <c>?campaign=</c> and Stripe's metadata carry it, and a gift counts towards it.
/// </summary>
public sealed record Campaign(string Id, string Title, decimal TargetPounds, DateOnly StartsOn, DateOnly EndsOn, string? Description = null)
{
    public string WebName => Id;
}

public sealed partial class CampaignValidator : AbstractValidator<Campaign>
{
    public CampaignValidator()
    {
        RuleFor(x => x.Id).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Give the campaign a web name, like 16-days.")
            .MaximumLength(40).WithMessage("Keep the web name to 40 characters.")
            .Matches(WebNamePattern()).WithMessage("Use lower-case letters, numbers and single hyphens in the web name, like 16-days.");
        RuleFor(x => x.Title).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Give the campaign a title.")
            .MaximumLength(120).WithMessage("Keep the title to 120 characters.");
        RuleFor(x => x.TargetPounds).Cascade(CascadeMode.Stop)
            .GreaterThan(0).WithMessage("Give a target above £0.")
            .LessThanOrEqualTo(100_000_000).WithMessage("Give a target of £100,000,000 or less.")
            .Must(t => decimal.Round(t, 2) == t).WithMessage("Give the target in pounds and pence, at most two numbers after the point.");
        RuleFor(x => x.EndsOn).GreaterThanOrEqualTo(x => x.StartsOn).WithMessage("The campaign cannot end before it starts.");
        RuleFor(x => x.Description).MaximumLength(2000).WithMessage("Keep the description to 2,000 characters.");
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex WebNamePattern();
}

/// <summary>A workspace's campaigns: fundraisers and workspace admins add, change and list them; the donation page reads one.</summary>
public sealed class Campaigns(IDocumentStore store, IValidator<Campaign> validator, TimeProvider clock)
{
    public async Task<IReadOnlyList<Campaign>> ListAsync(WorkspaceAccess access, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.Fundraising, "see the campaigns");
        await using var session = store.QuerySession(access.WorkspaceId);
        return await session.Query<Campaign>().OrderByDescending(c => c.StartsOn).ToListAsync(ct);
    }

    /// <summary>Adds a campaign, or changes the one with the same web name when <paramref name="isNew"/> is false.</summary>
    public async Task SaveAsync(WorkspaceAccess access, Campaign campaign, bool isNew, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.Fundraising, isNew ? "add a campaign" : "change a campaign");
        var tidy = campaign with { Id = campaign.Id.Trim().ToLowerInvariant(), Title = campaign.Title.Trim(), Description = Text.TidyOrNull(campaign.Description, keepLineBreaks: true) };
        await validator.ValidateAndThrowAsync(tidy, ct);
        await using var session = store.LightweightSession(access.WorkspaceId);
        var existing = await session.LoadAsync<Campaign>(tidy.Id, ct);
        if (isNew && existing is not null)
            throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(Campaign.Id), "Another campaign already has that web name.")]);
        if (!isNew && existing is null)
            throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(Campaign.Id), "That campaign no longer exists.")]);
        session.Store(tidy);
        session.Insert(AuditEntry.By(access.Member, access.WorkspaceId, isNew ? AuditAction.CampaignAdded : AuditAction.CampaignChanged, null, clock.GetUtcNow(),
            $"Campaign {tidy.Id}: target £{tidy.TargetPounds:N2}, {tidy.StartsOn:d MMM yyyy} to {tidy.EndsOn:d MMM yyyy}."));
        await session.SaveChangesAsync(ct);
    }

    /// <summary>For the public donation page: the campaign with that web name, or null.</summary>
    public async Task<Campaign?> FindAsync(string workspaceId, string? webName, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(webName) || webName.Length > 40) return null;
        await using var session = store.QuerySession(workspaceId);
        return await session.LoadAsync<Campaign>(webName.Trim().ToLowerInvariant(), ct);
    }
}
