using CharityCMS.Clients;
using CharityCMS.Workspaces;
using Marten;

namespace CharityCMS.Reporting;

/// <summary>
/// The nightly count of clients per workspace, for the platform operator's workspace list. It reads
/// each tenant in turn and keeps only the totals.
/// </summary>
public sealed class CountClientsPerWorkspace(IDocumentStore store, TimeProvider clock)
{
    public async Task<IReadOnlyList<ClientCount>> RunAsync(CancellationToken ct)
    {
        await using var platform = store.LightweightSession();
        var workspaces = await platform.Query<Workspace>().OrderBy(w => w.Id).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var counts = new List<ClientCount>();
        foreach (var workspace in workspaces)
        {
            await using var tenant = store.QuerySession(workspace.Id);
            var clients = await tenant.Query<Client>().CountAsync(ct);
            counts.Add(new ClientCount(workspace.Id, workspace.Name, clients, now));
        }
        platform.Store(counts.ToArray());
        await platform.SaveChangesAsync(ct);
        return counts;
    }

    public async Task<IReadOnlyList<ClientCount>> LatestAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.Query<ClientCount>().OrderBy(c => c.WorkspaceName).ToListAsync(ct);
    }
}

internal static class ReportingStorage
{
    public static void Register(StoreOptions options) => options.Schema.For<ClientCount>().SingleTenanted();
}
