using CharityCMS.Reporting;
using Marten;

namespace CharityCMS.Workspaces;

/// <summary>A workspace as the platform operator sees it: its settings and the last nightly client count.</summary>
public sealed record PlatformWorkspace(Workspace Workspace, ClientCount? LastCount, int Members);

/// <summary>The operator's list of every workspace. Counts only: no charity's data.</summary>
public sealed class PlatformWorkspaces(IDocumentStore store)
{
    public async Task<IReadOnlyList<PlatformWorkspace>> ListAsync(PlatformOperator by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(by);
        await using var session = store.QuerySession();
        var workspaces = await session.Query<Workspace>().OrderBy(w => w.Name).ToListAsync(ct);
        var counts = (await session.Query<ClientCount>().ToListAsync(ct)).ToDictionary(c => c.Id);
        var members = (await session.Query<Member>().Select(m => m.WorkspaceId).ToListAsync(ct))
            .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        return workspaces
            .Select(w => new PlatformWorkspace(w, counts.GetValueOrDefault(w.Id), members.GetValueOrDefault(w.Id)))
            .ToList();
    }
}
