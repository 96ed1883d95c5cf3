using CharityCMS.Email;
using CharityCMS.Notifications;
using CharityCMS.Reminders;
using CharityCMS.Risk;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using MimeKit;

namespace CharityCMS.Core.Tests.Reminders;

public class ReminderDigestTests : DomainDatabase
{
    private readonly TestSmtpServer smtp = new();
    protected override void ConfigureServices(IServiceCollection services)
    {
        services.Configure<SmtpOptions>(smtp.Configure);
        services.Configure<AppOptions>(o => o.BaseUrl = "https://cms.charity.test/");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await smtp.DisposeAsync();
    }

    private CaseworkWorld World => new(Services, Clock);
    private DateOnly Today => UkCalendar.Today(Clock);

    private async Task<(TestWorkspace Workspace, Member Worker, WorkspaceAccess Access)> WorkspaceWithDueCasesAsync(params string[] clientNames)
    {
        var workspace = await TestWorkspace.CreateAsync(Store);
        var (worker, access) = await workspace.AddMemberAsync("Wendy Worker", WorkspaceRole.Caseworker);
        foreach (var name in clientNames)
        {
            var opened = await World.OpenCaseAsync(access, name, worker.Id);
            await World.AddSafetyActionAsync(access, opened.CaseId, Today);
        }
        return (workspace, worker, access);
    }

    private static string Body(MimeMessage message) => message.TextBody ?? "";

    [Fact]
    public async Task The_digest_counts_new_unread_reminders_per_kind_and_links_to_the_app()
    {
        var (workspace, worker, access) = await WorkspaceWithDueCasesAsync("Daisy Digest", "Dora Digest");
        var quiet = await World.OpenCaseAsync(access, "Hana Highrisk", worker.Id, Today.AddDays(-20));
        await World.AssessAsync(access, quiet.ClientId, RiskLevel.High);
        await Get<ReminderRun>().RunAsync(workspace.Id, default);

        var sent = await Get<ReminderDigest>().SendAsync(workspace.Id, default);

        Assert.Equal(1, sent);
        var message = Assert.Single(smtp.Messages);
        Assert.Equal(worker.Email, message.To.Mailboxes.Single().Address);
        Assert.Equal("reminders@charitycms.test", message.From.Mailboxes.Single().Address);
        Assert.Equal("CharityCMS: 3 new reminders", message.Subject);
        Assert.Contains("- 2 safety plan reviews due", Body(message));
        Assert.Contains("- 1 high-risk case with no recent contact", Body(message));
        Assert.Contains("https://cms.charity.test/notifications", Body(message));
    }

    [Fact]
    public async Task The_digest_carries_no_client_name_and_no_client_reference()
    {
        var (workspace, _, access) = await WorkspaceWithDueCasesAsync();
        var worker = (await workspace.AddMemberAsync("Second Worker", WorkspaceRole.Caseworker)).Member;
        // Only a manager gives a case to someone else.
        var manager = (await workspace.AddMemberAsync("Mina Manager", WorkspaceRole.Manager)).Access;
        var opened = await World.OpenCaseAsync(manager, "Philippa Privatename", worker.Id);
        await World.AddSafetyActionAsync(manager, opened.CaseId, Today);
        await Get<ReminderRun>().RunAsync(workspace.Id, default);

        await Get<ReminderDigest>().SendAsync(workspace.Id, default);

        var message = Assert.Single(smtp.Messages);
        using var raw = new MemoryStream();
        await message.WriteToAsync(raw);
        var everything = System.Text.Encoding.UTF8.GetString(raw.ToArray());
        Assert.Contains("1 safety plan review due", everything);
        Assert.DoesNotContain(opened.Reference, everything);
        Assert.DoesNotContain("Philippa", everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Privatename", everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(opened.ClientId.ToString(), everything, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_member_gets_one_digest_a_day_however_often_and_however_many_nodes_run_it()
    {
        var (workspace, _, _) = await WorkspaceWithDueCasesAsync("Ona Once");
        await Get<ReminderRun>().RunAsync(workspace.Id, default);
        var digest = Get<ReminderDigest>();

        var sent = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => digest.SendAsync(workspace.Id, default))));
        Clock.Advance(TimeSpan.FromHours(5));
        var later = await digest.SendAsync(workspace.Id, default);

        Assert.Equal(1, sent.Sum());
        Assert.Equal(0, later);
        Assert.Single(smtp.Messages);
    }

    [Fact]
    public async Task The_next_days_digest_counts_only_reminders_raised_since_the_last_one()
    {
        var (workspace, worker, access) = await WorkspaceWithDueCasesAsync("First Dayclient");
        await Get<ReminderRun>().RunAsync(workspace.Id, default);
        await Get<ReminderDigest>().SendAsync(workspace.Id, default);

        Clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await World.OpenCaseAsync(access, "Second Dayclient", worker.Id);
        await World.AddSafetyActionAsync(access, nextDay.CaseId, Today);
        await Get<ReminderRun>().RunAsync(workspace.Id, default);
        await Get<ReminderDigest>().SendAsync(workspace.Id, default);

        Assert.Equal(2, smtp.Messages.Count);
        Assert.Equal("CharityCMS: 1 new reminder", smtp.Messages[1].Subject);
    }

    [Fact]
    public async Task A_member_who_has_read_her_reminders_gets_no_email()
    {
        var (workspace, _, access) = await WorkspaceWithDueCasesAsync("Rhea Read");
        await Get<ReminderRun>().RunAsync(workspace.Id, default);
        await Get<NotificationInbox>().MarkAllReadAsync(access, default);

        Assert.Equal(0, await Get<ReminderDigest>().SendAsync(workspace.Id, default));
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task The_whole_daily_job_run_on_two_nodes_at_once_raises_and_emails_each_thing_once()
    {
        var (workspace, _, _) = await WorkspaceWithDueCasesAsync("Node Clientone", "Node Clienttwo");
        var job = Get<DailyReminders>();

        await Task.WhenAll(Task.Run(() => job.RunAsync(default)), Task.Run(() => job.RunAsync(default)));

        await using var session = Store.QuerySession(workspace.Id);
        Assert.Equal(2, await session.Query<Notification>().CountAsync());
        var message = Assert.Single(smtp.Messages);
        Assert.Equal("CharityCMS: 2 new reminders", message.Subject);
    }

    [Fact]
    public async Task The_daily_job_raises_reminders_then_emails_the_digest_in_every_workspace()
    {
        var (first, _, _) = await WorkspaceWithDueCasesAsync("Job Clientone");
        var (second, _, _) = await WorkspaceWithDueCasesAsync("Job Clienttwo");

        await Get<DailyReminders>().RunAsync(default);

        Assert.Equal(2, smtp.Messages.Count);
        Assert.Contains(smtp.Messages, m => Body(m).Contains(first.Name));
        Assert.Contains(smtp.Messages, m => Body(m).Contains(second.Name));
    }
}

public class ReminderDigestWithoutSmtpTests : DomainDatabase
{
    protected override void ConfigureServices(IServiceCollection services) => services.AddFakeLogging();

    [Fact]
    public async Task Without_SMTP_settings_the_digest_is_skipped_with_a_log_line_that_names_nobody()
    {
        var workspace = await TestWorkspace.CreateAsync(Store);
        var (worker, access) = await workspace.AddMemberAsync("Nadia Nomail", WorkspaceRole.Caseworker);
        var opened = await new CaseworkWorld(Services, Clock).OpenCaseAsync(access, "Lola Logged", worker.Id);
        await new CaseworkWorld(Services, Clock).AddSafetyActionAsync(access, opened.CaseId, UkCalendar.Today(Clock));

        await Get<DailyReminders>().RunAsync(default);

        var logs = Services.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(logs, l => l.Message.Contains("digest skipped") && l.Message.Contains("SMTP is not configured"));
        Assert.All(logs, l =>
        {
            Assert.DoesNotContain("Lola", l.Message);
            Assert.DoesNotContain(opened.Reference, l.Message);
            Assert.DoesNotContain("Nadia", l.Message);
        });
    }
}
