using CharityCMS.Email;
using CharityCMS.Reminders;
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
        builder.Services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section)
            .Validate(o => TimeOnly.TryParseExact(o.DailyAt, "HH:mm", out _), "Reminders:DailyAt must be a time as HH:mm, for example 07:00.")
            .ValidateOnStart();
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        builder.Services.AddOptions<AppOptions>().BindConfiguration(AppOptions.Section)
            .Validate(o => o.BaseUrl.Length == 0 || Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), "App:BaseUrl must be an absolute address.")
            .ValidateOnStart();

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

    private sealed class RecurringJobs(IRecurringJobManager jobs, IOptions<JobsOptions> options, IOptions<ReminderOptions> reminders) : IHostedService
    {
        public Task StartAsync(CancellationToken ct)
        {
            jobs.AddOrUpdate<CountClientsPerWorkspace>(CountClientsPerWorkspace.JobId, job => job.RunAsync(CancellationToken.None),
                options.Value.ClientCountSchedule, new RecurringJobOptions { TimeZone = UkCalendar.London });
            // Daily at Reminders:DailyAt, London time: Hangfire keeps the wall-clock time across the clock changes.
            jobs.AddOrUpdate<DailyReminders>(DailyReminders.JobId, job => job.RunAsync(CancellationToken.None),
                ReminderSchedule.Cron(reminders.Value.Time), new RecurringJobOptions { TimeZone = UkCalendar.London });
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
