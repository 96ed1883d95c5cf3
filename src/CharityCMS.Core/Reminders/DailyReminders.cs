using CharityCMS.Workspaces;
using Marten;
using Microsoft.Extensions.Logging;

namespace CharityCMS.Reminders;

/// <summary>
/// The daily job: for every workspace, raise what is due today (casework and funding dates) and then email the digests. A
/// failure in one workspace does not stop the others; it is thrown at the end so the job scheduler
/// retries, and a retry repeats nothing that already happened. Returns nothing, so no result is stored.
/// </summary>
public sealed class DailyReminders(IDocumentStore store, ReminderRun reminders, Grants.GrantReminders grantReminders, ReminderDigest digest, ILogger<DailyReminders> logger)
{
    public const string JobId = "daily-reminders";

    public async Task RunAsync(CancellationToken ct)
    {
        List<string> workspaces;
        await using (var platform = store.QuerySession())
            workspaces = (await platform.Query<Workspace>().OrderBy(w => w.Id).Select(w => w.Id).ToListAsync(ct)).ToList();

        var failures = new List<Exception>();
        foreach (var workspaceId in workspaces)
        {
            try
            {
                await reminders.RunAsync(workspaceId, ct);
                await grantReminders.RunAsync(workspaceId, ct);
                await digest.SendAsync(workspaceId, ct);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                logger.LogError(failure, "Reminders failed for workspace {Workspace}; the other workspaces go on", workspaceId);
                failures.Add(failure);
            }
        }
        if (failures.Count > 0) throw new AggregateException("Reminders failed for some workspaces; see the log.", failures);
    }
}
