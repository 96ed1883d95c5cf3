using CharityCMS.Clients;
using CharityCMS.Workspaces;
using Marten;
using Microsoft.Extensions.Logging;

namespace CharityCMS.Reporting;

/// <summary>
/// The nightly count of clients per workspace, for the platform operator's workspace list. It reads
/// each tenant in turn and keeps only the totals, in a document and in the log. Runs as a Hangfire
/// recurring job; it returns nothing so that no job result is stored.
/// </summary>
public sealed class CountClientsPerWorkspace(IDocumentStore store, TimeProvider clock, ILogger<CountClientsPerWorkspace> logger)
{
    public const string JobId = "nightly-client-count";

    public async Task RunAsync(CancellationToken ct)
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
            logger.LogInformation("Nightly count: workspace {Workspace} has {Clients} clients", workspace.Id, clients);
        }
        platform.Store(counts.ToArray());
        await platform.SaveChangesAsync(ct);
    }
}

internal static class ReportingStorage
{
    public static void Register(StoreOptions options) => options.Schema.For<ClientCount>().SingleTenanted();
}
