using CharityCMS.Audit;
using CharityCMS.Workspaces;
using FluentValidation;
using Marten;

namespace CharityCMS.Settings;

/// <summary>Reads and saves a workspace's casework settings. Anyone working with clients reads them; managers change them.</summary>
public sealed class CaseworkSettingsStore(IDocumentStore store, IValidator<CaseworkSettings> validator, TimeProvider clock)
{
    public static async Task<CaseworkSettings> ReadAsync(IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<CaseworkSettings>(CaseworkSettings.DocumentId, ct) ?? CaseworkSettings.Default;

    public async Task<CaseworkSettings> GetAsync(WorkspaceAccess access, CancellationToken ct)
    {
        await using var session = store.QuerySession(access.WorkspaceId);
        return await ReadAsync(session, ct);
    }

    private static string Describe(CaseworkSettings s) =>
        $"Services: {string.Join(", ", s.Services)}. Medium risk from {s.RiskBands.MediumFrom}, high from {s.RiskBands.HighFrom}. "
        + $"Reassess standard every {s.StandardReassessmentWeeks} weeks, medium every {s.MediumReassessmentWeeks}, high every {s.HighReassessmentWeeks}. "
        + $"High risk without contact flagged after {s.HighRiskNoContactDays} days.";

    public async Task SaveAsync(WorkspaceAccess access, CaseworkSettings settings, CancellationToken ct)
    {
        access.Require(WorkspaceRole.Manager, "change the casework settings");
        await validator.ValidateAndThrowAsync(settings, ct);
        await using var session = store.LightweightSession(access.WorkspaceId);
        session.Store(settings with { Id = CaseworkSettings.DocumentId });
        // Bands and intervals change risk levels, MARAC flags and reminders: who changed them, and to what, is kept.
        session.Insert(AuditEntry.By(access.Member, access.WorkspaceId, AuditAction.CaseworkSettingsChanged, null, clock.GetUtcNow(), Describe(settings)));
        await session.SaveChangesAsync(ct);
    }
}
