using CharityCMS.Email;
using CharityCMS.Grants;
using CharityCMS.Notifications;
using CharityCMS.Reminders;
using CharityCMS.Settings;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CharityCMS.Core.Tests.Grants;

public class GrantReminderTests : GrantDatabase
{
    private readonly TestSmtpServer smtp = new();

    // 06:00 London, 1 April 2027, before the day's 07:00 runs (the test clock never goes back); the return below is due 31 July 2027.
    private static readonly DateTimeOffset Start = new(2027, 4, 1, 5, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly DueOn = new(2027, 7, 31);
    private static readonly DateOnly PeriodFrom = new(2027, 4, 1);
    private static readonly DateOnly PeriodTo = new(2027, 6, 30);

    private Task<Grant> RecordGrantAsync() => RecordAsync(Form(startsOn: new DateOnly(2027, 4, 1), endsOn: new DateOnly(2028, 3, 31)));

    protected override void ConfigureServices(IServiceCollection services) => services.Configure<SmtpOptions>(smtp.Configure);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Clock.SetUtcNow(Start);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await smtp.DisposeAsync();
    }

    private GrantReminders Reminders => Get<GrantReminders>();

    private async Task<(Grant Grant, Guid DeadlineId)> GrantWithReturnDueAsync(DateOnly dueOn)
    {
        var grant = await RecordGrantAsync();
        grant = await Planning.SetDeadlineAsync(Manager, new SetReportingDeadline(grant.Id, null, "First quarter return", PeriodFrom, PeriodTo, dueOn), default);
        return (grant, grant.Deadlines.Single().Id);
    }

    private async Task<IReadOnlyList<Notification>> RemindersAsync(NotificationKind kind)
    {
        await using var session = Store.QuerySession(Workspace.Id);
        return (await session.Query<Notification>().Where(n => n.Kind == kind).ToListAsync()).OrderBy(n => n.At).ToList();
    }

    private void MoveTo(DateOnly day) => Clock.SetUtcNow(UkCalendar.At(day, new TimeOnly(7, 0)));

    [Fact]
    public async Task A_return_is_reminded_once_at_30_14_7_and_1_days_before_however_often_the_run_goes()
    {
        await GrantWithReturnDueAsync(DueOn);

        foreach (var day in Enumerable.Range(0, 122).Select(n => PeriodFrom.AddDays(n)).Where(d => d <= DueOn))
        {
            MoveTo(day);
            await Reminders.RunAsync(Workspace.Id, default);
            await Reminders.RunAsync(Workspace.Id, default);
        }

        var reminders = await RemindersAsync(NotificationKind.GrantDeadlineApproaching);
        Assert.Equal([DueOn.AddDays(-30), DueOn.AddDays(-14), DueOn.AddDays(-7), DueOn.AddDays(-1)], reminders.Select(r => UkCalendar.DateOf(r.At)));
        Assert.All(reminders, r => Assert.Equal(Manager.Member.Id, r.RecipientId));
        Assert.Equal("First quarter return for IDVA service 2026-27 (Northshire PCC) is due in 30 days, on 31 Jul 2027.", reminders[0].Text);
        Assert.Equal("First quarter return for IDVA service 2026-27 (Northshire PCC) is due tomorrow, 31 Jul 2027.", reminders[3].Text);
        Assert.Empty(await RemindersAsync(NotificationKind.GrantDeadlineOverdue));
    }

    [Fact]
    public async Task A_date_added_five_days_ahead_gets_the_seven_day_reminder_at_once_and_not_the_earlier_ones()
    {
        MoveTo(DueOn.AddDays(-5));

        await GrantWithReturnDueAsync(DueOn);

        var reminder = Assert.Single(await RemindersAsync(NotificationKind.GrantDeadlineApproaching));
        Assert.Contains("is due in 5 days", reminder.Text);
        Assert.EndsWith(":7d:" + Manager.Member.Id.ToString("N"), reminder.Id);
        Assert.Equal($"/grants/{(await Grants.AllAsync(Manager, default)).Single().Id}", reminder.Link);
    }

    [Fact]
    public async Task Moving_a_deadline_withdraws_its_unread_reminder_and_reminds_by_the_new_date()
    {
        MoveTo(DueOn.AddDays(-10));
        var (grant, deadlineId) = await GrantWithReturnDueAsync(DueOn);
        Assert.Single(await RemindersAsync(NotificationKind.GrantDeadlineApproaching));

        await Planning.SetDeadlineAsync(Manager,
            new SetReportingDeadline(grant.Id, deadlineId, "First quarter return", PeriodFrom, PeriodTo, DueOn.AddDays(-4)), default);

        var reminder = Assert.Single(await RemindersAsync(NotificationKind.GrantDeadlineApproaching));
        Assert.Contains("is due in 6 days", reminder.Text);
    }

    [Fact]
    public async Task Deleting_a_grant_withdraws_its_unread_reminders_and_raises_no_more()
    {
        MoveTo(DueOn.AddDays(-10));
        var (grant, _) = await GrantWithReturnDueAsync(DueOn);
        Assert.Single(await RemindersAsync(NotificationKind.GrantDeadlineApproaching));

        await Terms.DeleteAsync(Manager, grant.Id, (await Grants.GetAsync(Manager, grant.Id, default)).Version, "Entered twice.", default);
        MoveTo(DueOn.AddDays(2));
        await Reminders.RunAsync(Workspace.Id, default);

        Assert.Empty(await RemindersAsync(NotificationKind.GrantDeadlineApproaching));
        Assert.Empty(await RemindersAsync(NotificationKind.GrantDeadlineOverdue));
    }

    [Fact]
    public async Task An_overdue_return_escalates_to_every_manager_daily_until_it_is_marked_sent()
    {
        var (grant, deadlineId) = await GrantWithReturnDueAsync(DueOn);
        var (second, _) = await Workspace.AddMemberAsync("Second Manager", WorkspaceRole.Manager);

        MoveTo(DueOn);
        await Reminders.RunAsync(Workspace.Id, default);
        Assert.Empty(await RemindersAsync(NotificationKind.GrantDeadlineOverdue));

        MoveTo(DueOn.AddDays(1));
        await Reminders.RunAsync(Workspace.Id, default);
        MoveTo(DueOn.AddDays(2));
        await Reminders.RunAsync(Workspace.Id, default);
        await Reminders.RunAsync(Workspace.Id, default);

        var overdue = await RemindersAsync(NotificationKind.GrantDeadlineOverdue);
        Assert.Equal(4, overdue.Count);
        Assert.Equal(2, overdue.Count(n => n.RecipientId == second.Id));
        Assert.Contains("was due 31 Jul 2027, 2 days ago", overdue[^1].Text);

        await Planning.SubmitReturnAsync(Manager, new SubmitReturn(grant.Id, deadlineId, DueOn.AddDays(2), null), default);
        MoveTo(DueOn.AddDays(3));
        await Reminders.RunAsync(Workspace.Id, default);
        // Sent: the unread escalations are withdrawn and no new one comes.
        Assert.Empty(await RemindersAsync(NotificationKind.GrantDeadlineOverdue));
    }

    [Fact]
    public async Task Two_runs_at_once_raise_each_reminder_once()
    {
        MoveTo(DueOn.AddDays(-14));
        var grant = await RecordGrantAsync();
        await using (var session = Store.LightweightSession(Workspace.Id))
        {
            // The deadline written straight to the stream, so no run has happened before the two below.
            session.Events.Append(grant.Id, new ReportingDeadlineSet(Guid.NewGuid(), "Quarterly return", PeriodFrom, PeriodTo, DueOn, Manager.Member, Clock.GetUtcNow()));
            await session.SaveChangesAsync();
        }

        var results = await Task.WhenAll(Reminders.RunAsync(Workspace.Id, default), Reminders.RunAsync(Workspace.Id, default));

        Assert.Equal(1, results.Sum(r => r.Raised));
        Assert.Single(await RemindersAsync(NotificationKind.GrantDeadlineApproaching));
    }

    [Fact]
    public async Task The_reminder_days_are_a_workspace_setting()
    {
        await Get<FundingSettingsStore>().SaveAsync(Manager, FundingSettings.Default with { ReminderDays = [3, 60] }, default);
        await GrantWithReturnDueAsync(DueOn);

        MoveTo(DueOn.AddDays(-30));
        await Reminders.RunAsync(Workspace.Id, default);
        MoveTo(DueOn.AddDays(-3));
        await Reminders.RunAsync(Workspace.Id, default);

        // The run of 1 July is the first since the 60-day mark, so the 60-day reminder goes then; the 3-day one on its day.
        Assert.Equal([DueOn.AddDays(-30), DueOn.AddDays(-3)], (await RemindersAsync(NotificationKind.GrantDeadlineApproaching)).Select(r => UkCalendar.DateOf(r.At)));
        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() =>
            Get<FundingSettingsStore>().SaveAsync(Manager, FundingSettings.Default with { ReminderDays = [0] }, default));
    }

    [Fact]
    public async Task The_day_is_the_London_day_across_the_clock_change()
    {
        // Due 30 Nov 2027: the 30-day mark is 31 Oct, the day the clocks go back at 01:00 UTC.
        var due = new DateOnly(2027, 11, 30);
        await GrantWithReturnDueAsync(due);
        Clock.SetUtcNow(new DateTimeOffset(2027, 10, 30, 22, 30, 0, TimeSpan.Zero)); // 23:30 on 30 Oct in London (summer time)
        await Reminders.RunAsync(Workspace.Id, default);
        Assert.Empty(await RemindersAsync(NotificationKind.GrantDeadlineApproaching));

        Clock.SetUtcNow(new DateTimeOffset(2027, 10, 30, 23, 30, 0, TimeSpan.Zero)); // 00:30 on 31 Oct in London
        await Reminders.RunAsync(Workspace.Id, default);
        Assert.Contains("is due in 30 days", Assert.Single(await RemindersAsync(NotificationKind.GrantDeadlineApproaching)).Text);

        Clock.SetUtcNow(new DateTimeOffset(2027, 11, 29, 0, 30, 0, TimeSpan.Zero)); // 00:30 on 29 Nov in London (winter time)
        await Reminders.RunAsync(Workspace.Id, default);
        Assert.Contains("is due tomorrow", (await RemindersAsync(NotificationKind.GrantDeadlineApproaching))[^1].Text);
    }

    [Fact]
    public async Task The_daily_digest_quotes_funding_reminders_which_carry_no_client_data()
    {
        MoveTo(DueOn.AddDays(-7));
        await GrantWithReturnDueAsync(DueOn);

        await Get<ReminderDigest>().SendAsync(Workspace.Id, default);

        var message = Assert.Single(smtp.Messages);
        Assert.Equal("CharityCMS: 1 new reminder", message.Subject);
        Assert.Contains("- 1 funding deadline coming up", message.TextBody);
        Assert.Contains("- First quarter return for IDVA service 2026-27 (Northshire PCC) is due in 7 days, on 31 Jul 2027.", message.TextBody);
    }

    [Theory]
    [InlineData(31, null)]
    [InlineData(30, "30d")]
    [InlineData(20, "30d")]
    [InlineData(14, "14d")]
    [InlineData(8, "14d")]
    [InlineData(1, "1d")]
    [InlineData(0, "1d")]
    [InlineData(-1, "overdue")]
    public void The_nearest_reminder_day_not_yet_passed_applies(int daysAhead, string? expected)
    {
        var today = new DateOnly(2027, 6, 1);
        var deadline = new GrantDeadline(Guid.NewGuid(), "Grant", "Funder", GrantDeadlineKind.Return, "k", "Return", today.AddDays(daysAhead), Done: false);

        var due = GrantReminderRule.Due(deadline, today, [30, 14, 7, 1]);

        if (expected is null) Assert.Null(due);
        else Assert.Contains(expected, due!.Subject);
        Assert.Null(GrantReminderRule.Due(deadline with { Done = true }, today, [30, 14, 7, 1]));
    }
}
