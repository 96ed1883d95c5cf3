using CharityCMS.Clients;
using CharityCMS.Reminders;
using CharityCMS.Reporting;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using Hangfire;
using Hangfire.Storage;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CharityCMS.Web.Tests.Http;

/// <summary>An app that runs its Hangfire server, as a deployed node does.</summary>
public sealed class JobsApp : CharityApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:RunServer"] = "true" };
}

public class JobsTests(JobsApp app) : IClassFixture<JobsApp>
{
    [Fact]
    public void The_nightly_client_count_is_registered_as_a_recurring_job_on_London_time()
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = connection.GetRecurringJobs().Single(j => j.Id == CountClientsPerWorkspace.JobId);
        Assert.Equal("0 2 * * *", job.Cron);
        Assert.Equal("Europe/London", job.TimeZoneId);
    }

    [Fact]
    public void The_daily_reminders_are_a_recurring_job_at_seven_London_time_whose_next_run_Hangfire_and_the_schedule_agree_on()
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = connection.GetRecurringJobs().Single(j => j.Id == DailyReminders.JobId);
        Assert.Equal("0 7 * * *", job.Cron);
        Assert.Equal("Europe/London", job.TimeZoneId);
        Assert.NotNull(job.NextExecution);
        var expected = ReminderSchedule.NextRunAfter(DateTimeOffset.UtcNow.AddMinutes(-1), new TimeOnly(7, 0));
        Assert.Equal(expected.UtcDateTime, DateTime.SpecifyKind(job.NextExecution.Value, DateTimeKind.Utc));
    }

    [Fact]
    public async Task Triggering_the_job_counts_each_workspaces_clients_into_the_document_the_operator_page_shows()
    {
        var workspace = await app.WorkspaceAsync();
        var caseworker = await workspace.AccessAsync(WorkspaceRole.Caseworker);
        var register = app.Services.GetRequiredService<RegisterClientHandler>();
        for (var i = 0; i < 3; i++) await register.HandleAsync(caseworker, SampleClients.Registration($"Counted Client {i}"), default);

        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(CountClientsPerWorkspace.JobId);

        var count = await EventuallyAsync(async () =>
        {
            await using var session = app.Store.QuerySession();
            return await session.LoadAsync<ClientCount>(workspace.Id);
        });
        Assert.Equal(3, count.Clients);

        var (_, page) = await app.ClientFor(TestPerson.Operator()).FetchAsync("/platform/workspaces");
        Assert.Contains("3 on", page);
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found) return found;
            await Task.Delay(250);
        }
        throw new TimeoutException("The job did not finish within 30 seconds.");
    }
}
