using CharityCMS.Audit;
using CharityCMS.Workspaces;
using FluentValidation;
using Marten;

namespace CharityCMS.Settings;

/// <summary>
/// How one charity is reminded of its funding dates: the days before a return, renewal or
/// instalment at which the grant's owner and the managers are told. One document per workspace;
/// a workspace that never saved them has the defaults.
/// </summary>
public sealed record FundingSettings
{
    public const string DocumentId = "funding";

    public string Id { get; init; } = DocumentId;

    /// <summary>Days before a date at which a reminder goes out, for example 30, 14, 7 and 1.</summary>
    public IReadOnlyList<int> ReminderDays { get; init; } = [30, 14, 7, 1];

    public static readonly FundingSettings Default = new();
}

public sealed class FundingSettingsValidator : AbstractValidator<FundingSettings>
{
    public FundingSettingsValidator()
    {
        RuleFor(x => x.ReminderDays).NotEmpty().WithMessage("Give at least one number of days before a deadline.")
            .Must(days => days.Count <= 8).WithMessage("Give at most 8 reminder days.")
            .Must(days => days.Distinct().Count() == days.Count).WithMessage("Give each number of days once.");
        RuleForEach(x => x.ReminderDays).InclusiveBetween(1, 365).WithMessage("Remind from 1 to 365 days before a deadline.");
    }
}

/// <summary>Reads and saves a workspace's funding settings. Managers read and change them; a change is audited.</summary>
public sealed class FundingSettingsStore(IDocumentStore store, IValidator<FundingSettings> validator, TimeProvider clock)
{
    public static async Task<FundingSettings> ReadAsync(IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<FundingSettings>(FundingSettings.DocumentId, ct) ?? FundingSettings.Default;

    public async Task<FundingSettings> GetAsync(WorkspaceAccess access, CancellationToken ct)
    {
        access.Require(WorkspaceRole.Manager, "see the funding settings");
        await using var session = store.QuerySession(access.WorkspaceId);
        return await ReadAsync(session, ct);
    }

    public async Task SaveAsync(WorkspaceAccess access, FundingSettings settings, CancellationToken ct)
    {
        access.Require(WorkspaceRole.Manager, "change the funding settings");
        var sorted = settings with { Id = FundingSettings.DocumentId, ReminderDays = settings.ReminderDays.OrderDescending().ToList() };
        await validator.ValidateAndThrowAsync(sorted, ct);
        await using var session = store.LightweightSession(access.WorkspaceId);
        session.Store(sorted);
        session.Insert(AuditEntry.By(access.Member, access.WorkspaceId, AuditAction.FundingSettingsChanged, null, clock.GetUtcNow(),
            $"Funding reminders {string.Join(", ", sorted.ReminderDays)} days before each deadline."));
        await session.SaveChangesAsync(ct);
    }
}
