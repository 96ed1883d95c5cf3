using CharityCMS.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CharityCMS.Web.Storage;

/// <summary>Ready means PostgreSQL answers and every committed migration has been applied.</summary>
internal sealed class SchemaReadyCheck(SchemaMigrations migrations) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            var pending = await migrations.PendingAsync(timeout.Token);
            return pending.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{pending.Count} schema migration(s) not applied.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is not reachable.", e);
        }
    }
}
