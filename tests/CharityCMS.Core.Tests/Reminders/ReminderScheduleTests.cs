using CharityCMS.Notifications;
using CharityCMS.Reminders;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CharityCMS.Core.Tests.Reminders;

/// <summary>
/// The daily run at its London time, driven by a fake clock the way the job scheduler drives it
/// (to each next run time, then run), across the clock changes of 25 October 2026 (BST to GMT) and
/// 28 March 2027 (GMT to BST).
/// </summary>
public class ReminderScheduleTests : DomainDatabase
{
    private static readonly TimeOnly Seven = new(7, 0);
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(clock);

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-10-23T12:00:00Z", "2026-10-24T06:00:00Z")] // Saturday, BST: 07:00 London is 06:00 UTC
    [InlineData("2026-10-24T06:00:00Z", "2026-10-25T07:00:00Z")] // the clocks went back at 02:00 BST: 07:00 is GMT
    [InlineData("2026-10-25T07:00:00Z", "2026-10-26T07:00:00Z")]
    [InlineData("2027-03-27T07:00:00Z", "2027-03-28T06:00:00Z")] // the clocks went forward at 01:00 GMT: 07:00 is BST
    [InlineData("2026-11-25T06:59:59Z", "2026-11-25T07:00:00Z")]
    public void The_next_run_is_at_seven_London_time_whichever_offset_applies(string after, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected), ReminderSchedule.NextRunAfter(DateTimeOffset.Parse(after), Seven));

    [Fact]
    public void A_run_time_the_spring_change_skips_happens_an_hour_later_and_the_autumn_repeat_runs_once()
    {
        var halfPastOne = new TimeOnly(1, 30);
        Assert.Equal(Utc(2027, 3, 28, 1, 30), ReminderSchedule.NextRunAfter(Utc(2027, 3, 27, 12), halfPastOne)); // 02:30 BST
        var autumn = ReminderSchedule.NextRunAfter(Utc(2026, 10, 24, 12), halfPastOne);
        Assert.Equal(Utc(2026, 10, 25, 1, 30), autumn); // the second 01:30, in GMT
        Assert.Equal(Utc(2026, 10, 26, 1, 30), ReminderSchedule.NextRunAfter(autumn, halfPastOne));
    }

    [Fact]
    public void The_schedule_is_a_daily_cron_at_the_set_London_time()
    {
        Assert.Equal("0 7 * * *", ReminderSchedule.Cron(new ReminderOptions().Time));
        Assert.Equal("30 6 * * *", ReminderSchedule.Cron(new ReminderOptions { DailyAt = "06:30" }.Time));
    }

    [Theory]
    [InlineData(2026, 10, 22, 2026, 10, 25)] // BST to GMT on the 25th
    [InlineData(2027, 3, 25, 2027, 3, 28)]   // GMT to BST on the 28th
    public async Task A_review_due_on_the_day_the_clocks_change_is_reminded_once_at_seven_London_time(int y, int m, int d, int dueY, int dueM, int dueD)
    {
        clock.SetUtcNow(Utc(y, m, d, 12));
        var workspace = await TestWorkspace.CreateAsync(Store);
        var (worker, access) = await workspace.AddMemberAsync("Wendy Worker", WorkspaceRole.Caseworker);
        var world = new CaseworkWorld(Services, clock);
        var opened = await world.OpenCaseAsync(access, "Clara Clockchange", worker.Id);
        var dueOn = new DateOnly(dueY, dueM, dueD);
        await world.AddSafetyActionAsync(access, opened.CaseId, dueOn);

        var runs = new List<DateTimeOffset>();
        for (var i = 0; i < 5; i++)
        {
            clock.SetUtcNow(ReminderSchedule.NextRunAfter(clock.GetUtcNow(), Seven));
            runs.Add(clock.GetUtcNow());
            await Get<DailyReminders>().RunAsync(default);
        }

        Assert.All(runs, run => Assert.Equal(Seven, TimeOnly.FromDateTime(UkCalendar.ToLondon(run).DateTime)));
        Assert.Equal(runs.Count, runs.Select(UkCalendar.DateOf).Distinct().Count());
        await using var session = Store.QuerySession(workspace.Id);
        var reminder = Assert.Single(await session.Query<Notification>().ToListAsync());
        Assert.Equal(UkCalendar.At(dueOn, Seven), reminder.At);
        Assert.Equal(NotificationKind.SafetyPlanReviewDue, reminder.Kind);
    }

    [Fact]
    public async Task Due_today_means_the_London_date_even_when_the_UTC_date_is_still_yesterday()
    {
        var justAfterMidnight = new TimeOnly(0, 30);
        clock.SetUtcNow(Utc(2026, 6, 29, 12));
        var workspace = await TestWorkspace.CreateAsync(Store);
        var (worker, access) = await workspace.AddMemberAsync("Wendy Worker", WorkspaceRole.Caseworker);
        var world = new CaseworkWorld(Services, clock);
        var opened = await world.OpenCaseAsync(access, "Mina Midnight", worker.Id);
        await world.AddSafetyActionAsync(access, opened.CaseId, new DateOnly(2026, 7, 1));

        clock.SetUtcNow(ReminderSchedule.NextRunAfter(Utc(2026, 6, 30, 12), justAfterMidnight));
        Assert.Equal(Utc(2026, 6, 30, 23, 30), clock.GetUtcNow()); // 00:30 BST on 1 July
        var result = await Get<ReminderRun>().RunAsync(workspace.Id, default);

        Assert.Equal(1, result.Raised);
    }
}
