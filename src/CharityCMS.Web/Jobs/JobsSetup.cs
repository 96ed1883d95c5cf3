using CharityCMS.Reporting;
using CharityCMS.Web.Access;
using CharityCMS.Web.Shell;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Options;

namespace CharityCMS.Web.Jobs;

public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Run a Hangfire server in this process. Every node may run one; jobs are shared through PostgreSQL.</summary>
    public bool RunServer { get; set; } = true;

    public int WorkerCount { get; set; } = 2;

    /// <summary>When the nightly client count runs, as a cron expression in Europe/London time.</summary>
    public string ClientCountSchedule { get; set; } = "0 2 * * *";
}

public static class JobsSetup
{
    public const string Schema = "hangfire";

    /// <summary>
    /// Hangfire on the app's PostgreSQL database, in a schema of its own that Hangfire's versioned
    /// install scripts keep up to date. Jobs carry ids, never personal data.
    /// </summary>
    public static void AddCharityJobs(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("CharityCMS")!;
        builder.Services.Configure<JobsOptions>(builder.Configuration.GetSection(JobsOptions.Section));

        // The storage and the activator are this host's own services, registered before AddHangfire
        // so it keeps them: Hangfire's defaults are process-wide statics (JobStorage.Current,
        // JobActivator.Current), which would let two hosts in one process run each other's jobs.
        builder.Services.AddSingleton<JobStorage>(_ =>
        {
            var options = new PostgreSqlStorageOptions { SchemaName = Schema, PrepareSchemaIfNecessary = true };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
        });
        builder.Services.AddSingleton<JobActivator>(services => new AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddHangfire(configuration => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        if (builder.Configuration.GetSection(JobsOptions.Section).Get<JobsOptions>()?.RunServer ?? true)
        {
            builder.Services.AddHangfireServer((services, server) =>
                server.WorkerCount = services.GetRequiredService<IOptions<JobsOptions>>().Value.WorkerCount);
        }
        builder.Services.AddHostedService<RecurringJobs>();
    }

    /// <summary>The Hangfire dashboard at /jobs, for platform operators only.</summary>
    public static void MapCharityJobs(this WebApplication app) =>
        app.MapHangfireDashboardWithAuthorizationPolicy(Policies.PlatformOperator, "/jobs", new DashboardOptions
        {
            // The endpoint's policy decides; Hangfire's default filter would also refuse remote requests.
            Authorization = [],
            AppPath = "/platform/workspaces",
            DashboardTitle = "CharityCMS jobs",
            DisplayStorageConnectionString = false,
        });

    private sealed class RecurringJobs(IRecurringJobManager jobs, IOptions<JobsOptions> options) : IHostedService
    {
        public Task StartAsync(CancellationToken ct)
        {
            jobs.AddOrUpdate<CountClientsPerWorkspace>(CountClientsPerWorkspace.JobId, job => job.RunAsync(CancellationToken.None),
                options.Value.ClientCountSchedule, new RecurringJobOptions { TimeZone = UkCalendar.London });
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
