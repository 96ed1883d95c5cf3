using CharityCMS.Workspaces;
using FluentValidation;
using Marten;

namespace CharityCMS.Settings;

/// <summary>Reads and saves a workspace's casework settings. Anyone working with clients reads them; managers change them.</summary>
public sealed class CaseworkSettingsStore(IDocumentStore store, IValidator<CaseworkSettings> validator)
{
    public static async Task<CaseworkSettings> ReadAsync(IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<CaseworkSettings>(CaseworkSettings.DocumentId, ct) ?? CaseworkSettings.Default;

    public async Task<CaseworkSettings> GetAsync(WorkspaceAccess access, CancellationToken ct)
    {
        await using var session = store.QuerySession(access.WorkspaceId);
        return await ReadAsync(session, ct);
    }

    public async Task SaveAsync(WorkspaceAccess access, CaseworkSettings settings, CancellationToken ct)
    {
        access.Require(WorkspaceRole.Manager, "change the casework settings");
        await validator.ValidateAndThrowAsync(settings, ct);
        await using var session = store.LightweightSession(access.WorkspaceId);
        session.Store(settings with { Id = CaseworkSettings.DocumentId });
        await session.SaveChangesAsync(ct);
    }
}
