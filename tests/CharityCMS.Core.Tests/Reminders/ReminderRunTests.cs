using CharityCMS.Notifications;
using CharityCMS.Reminders;
using CharityCMS.Risk;
using CharityCMS.Settings;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CharityCMS.Core.Tests.Reminders;

public class ReminderRunTests : DomainDatabase
{
    private ReminderRun Run => Get<ReminderRun>();
    private CaseworkWorld World => new(Services, Clock);
    private DateOnly Today => UkCalendar.Today(Clock);

    private async Task<(TestWorkspace Workspace, Member Worker, WorkspaceAccess WorkerAccess, Member Manager)> WorkspaceAsync()
    {
        var workspace = await TestWorkspace.CreateAsync(Store);
        var (worker, workerAccess) = await workspace.AddMemberAsync("Wendy Worker", WorkspaceRole.Caseworker);
        var (manager, _) = await workspace.AddMemberAsync("Mona Manager", WorkspaceRole.Manager);
        return (workspace, worker, workerAccess, manager);
    }

    private async Task<IReadOnlyList<Notification>> NotificationsAsync(string workspaceId)
    {
        await using var session = Store.QuerySession(workspaceId);
        return await session.Query<Notification>().ToListAsync();
    }

    [Fact]
    public async Task A_high_risk_reassessment_falls_due_after_the_set_weeks_and_reminds_the_case_worker()
    {
        var (workspace, worker, access, _) = await WorkspaceAsync();
        var client = await World.OpenCaseAsync(access, "Rosa Reassess", worker.Id);
        await World.LogContactAsync(access, client.CaseId, Clock.GetUtcNow());
        await World.AssessAsync(access, client.ClientId, RiskLevel.High);

        Clock.Advance(TimeSpan.FromDays(7 * 8 - 1));
        await Run.RunAsync(workspace.Id, default);
        Assert.DoesNotContain(await NotificationsAsync(workspace.Id), n => n.Kind == NotificationKind.ReassessmentDue);

        Clock.Advance(TimeSpan.FromDays(1));
        await Run.RunAsync(workspace.Id, default);
        var reminder = Assert.Single(await NotificationsAsync(workspace.Id), n => n.Kind == NotificationKind.ReassessmentDue);
        Assert.Equal(worker.Id, reminder.RecipientId);
        Assert.Contains(client.Reference, reminder.Text);
    }

    [Fact]
    public async Task A_marac_action_due_today_reminds_the_worker_of_the_clients_open_case()
    {
        var (workspace, worker, access, _) = await WorkspaceAsync();
        var client = await World.OpenCaseAsync(access, "Mara Action", worker.Id);
        await World.AssessAsync(access, client.ClientId, RiskLevel.High);
        var referral = await Get<CharityCMS.Marac.MakeMaracReferralHandler>().HandleAsync(access,
            new CharityCMS.Marac.MakeMaracReferral(client.ClientId, client.CaseId, Today, Today.AddDays(7)), default);
        await Get<CharityCMS.Marac.AgreeMaracActionHandler>().HandleAsync(access,
            new CharityCMS.Marac.AgreeMaracAction(referral, 1, "Police to check bail conditions", "Police", Today.AddDays(10)), default);

        Clock.Advance(TimeSpan.FromDays(10));
        await Run.RunAsync(workspace.Id, default);

        var reminder = Assert.Single(await NotificationsAsync(workspace.Id), n => n.Kind == NotificationKind.MaracActionDue);
        Assert.Equal(worker.Id, reminder.RecipientId);
        Assert.DoesNotContain("bail", reminder.Text);
    }

    [Fact]
    public async Task A_safety_plan_review_due_today_reminds_the_allocated_worker_only()
    {
        var (workspace, worker, access, _) = await WorkspaceAsync();
        var (clientId, reference, caseId) = await World.OpenCaseAsync(access, "Alice Duetoday", worker.Id);
        await World.AddSafetyActionAsync(access, caseId, Today);

        var result = await Run.RunAsync(workspace.Id, default);

        var notification = Assert.Single(await NotificationsAsync(workspace.Id));
        Assert.Equal(new ReminderRunResult(1, 1), result);
        Assert.Equal(worker.Id, notification.RecipientId);
        Assert.Equal(NotificationKind.SafetyPlanReviewDue, notification.Kind);
        Assert.Contains(reference, notification.Text);
        Assert.Equal($"/clients/{clientId}", notification.Link);
        Assert.Equal(Clock.GetUtcNow(), notification.At);
    }

    [Fact]
    public async Task An_overdue_review_reminds_but_one_due_tomorrow_or_on_a_closed_case_does_not()
    {
        var (workspace, worker, access, _) = await WorkspaceAsync();
        var overdue = await World.OpenCaseAsync(access, "Olive Overdue", worker.Id);
        await World.AddSafetyActionAsync(access, overdue.CaseId, Today.AddDays(-3));
        var tomorrow = await World.OpenCaseAsync(access, "Tara Tomorrow", worker.Id);
        await World.AddSafetyActionAsync(access, tomorrow.CaseId, Today.AddDays(1));
        var closed = await World.OpenCaseAsync(access, "Cleo Closed", worker.Id);
        await World.AddSafetyActionAsync(access, closed.CaseId, Today.AddDays(-1));
        await World.CloseAsync(access, closed.CaseId);

        await Run.RunAsync(workspace.Id, default);

        var notification = Assert.Single(await NotificationsAsync(workspace.Id));
        Assert.Contains(overdue.Reference, notification.Text);
    }

    [Fact]
    public async Task A_case_with_no_worker_reminds_every_manager_and_nobody_else()
    {
        var (workspace, _, access, manager) = await WorkspaceAsync();
        var (secondManager, _) = await workspace.AddMemberAsync("Second Manager", WorkspaceRole.Manager, WorkspaceRole.Caseworker);
        await workspace.AddMemberAsync("Fay Fundraiser", WorkspaceRole.Fundraiser);
        var waiting = await World.OpenCaseAsync(access, "Wanda Waiting", workerId: null);
        await World.AddSafetyActionAsync(access, waiting.CaseId, Today);

        await Run.RunAsync(workspace.Id, default);

        var recipients = (await NotificationsAsync(workspace.Id)).Select(n => n.RecipientId).Order().ToList();
        Assert.Equal(new[] { manager.Id, secondManager.Id }.Order(), recipients);
    }

    [Fact]
    public async Task A_case_whose_worker_left_the_workspace_reminds_the_managers()
    {
        var (workspace, worker, access, manager) = await WorkspaceAsync();
        var (leaver, leaverAccess) = await workspace.AddMemberAsync("Lena Leaver", WorkspaceRole.Caseworker);
        var orphan = await World.OpenCaseAsync(leaverAccess, "Orla Orphan", leaver.Id);
        await World.AddSafetyActionAsync(leaverAccess, orphan.CaseId, Today);
        await using (var platform = Store.LightweightSession())
        {
            platform.Delete(leaver);
            await platform.SaveChangesAsync();
        }

        await Run.RunAsync(workspace.Id, default);

        Assert.Equal(manager.Id, Assert.Single(await NotificationsAsync(workspace.Id)).RecipientId);
        Assert.NotEqual(worker.Id, manager.Id);
    }

    [Fact]
    public async Task A_high_risk_case_without_contact_for_the_set_days_reminds_its_worker()
    {
        var (workspace, worker, access, _) = await WorkspaceAsync();
        var quiet = await World.OpenCaseAsync(access, "Quinn Quiet", worker.Id, Today.AddDays(-30));
        await World.LogContactAsync(access, quiet.CaseId, Clock.GetUtcNow().AddDays(-14));
        await World.AssessAsync(access, quiet.ClientId, RiskLevel.High);

        await Run.RunAsync(workspace.Id, default);

        var notification = Assert.Single(await NotificationsAsync(workspace.Id));
        Assert.Equal(NotificationKind.HighRiskNoContact, notification.Kind);
        Assert.Equal(worker.Id, notification.RecipientId);
        Assert.Contains(quiet.Reference, notification.Text);
    }

    [Fact]
    public async Task No_contact_reminders_need_a_known_high_level_and_a_long_enough_silence()
    {
        var (workspace, worker, access, _) = await WorkspaceAsync();
        var unknown = await World.OpenCaseAsync(access, "Una Unknown", worker.Id, Today.AddDays(-30));
        var medium = await World.OpenCaseAsync(access, "Mia Medium", worker.Id, Today.AddDays(-30));
        await World.AssessAsync(access, medium.ClientId, RiskLevel.Medium);
        var recent = await World.OpenCaseAsync(access, "Rita Recent", worker.Id, Today.AddDays(-30));
        await World.AssessAsync(access, recent.ClientId, RiskLevel.High);
        await World.LogContactAsync(access, recent.CaseId, Clock.GetUtcNow().AddDays(-13));
        var attemptsOnly = await World.OpenCaseAsync(access, "Ada Attempts", worker.Id, Today.AddDays(-14));
        await World.AssessAsync(access, attemptsOnly.ClientId, RiskLevel.High);
        await World.LogContactAsync(access, attemptsOnly.CaseId, Clock.GetUtcNow().AddDays(-1), successful: false);

        await Run.RunAsync(workspace.Id, default);

        var notification = Assert.Single(await NotificationsAsync(workspace.Id));
        Assert.Contains(attemptsOnly.Reference, notification.Text);
    }

    [Fact]
    public async Task No_contact_reminders_follow_the_days_the_workspace_set()
    {
        var (workspace, worker, access, _) = await WorkspaceAsync();
        var (_, manager) = await workspace.AddMemberAsync("Sally Settings", WorkspaceRole.Manager);
        await Get<CaseworkSettingsStore>().SaveAsync(manager, CaseworkSettings.Default with { HighRiskNoContactDays = 7 }, default);
        var week = await World.OpenCaseAsync(access, "Wren Week", worker.Id, Today.AddDays(-30));
        await World.AssessAsync(access, week.ClientId, RiskLevel.High);
        await World.LogContactAsync(access, week.CaseId, Clock.GetUtcNow().AddDays(-7));
        var sixDays = await World.OpenCaseAsync(access, "Sian Six", worker.Id, Today.AddDays(-30));
        await World.AssessAsync(access, sixDays.ClientId, RiskLevel.High);
        await World.LogContactAsync(access, sixDays.CaseId, Clock.GetUtcNow().AddDays(-6));

        await Run.RunAsync(workspace.Id, default);

        // Under the default 14 days neither would be due yet.
        var notification = Assert.Single(await NotificationsAsync(workspace.Id));
        Assert.Equal(NotificationKind.HighRiskNoContact, notification.Kind);
        Assert.Contains(week.Reference, notification.Text);
    }

    [Fact]
    public async Task Running_twice_raises_each_reminder_once_and_keeps_it_read()
    {
        var (workspace, worker, access, _) = await WorkspaceAsync();
        var due = await World.OpenCaseAsync(access, "Twice Testclient", worker.Id);
        await World.AddSafetyActionAsync(access, due.CaseId, Today);
        await Run.RunAsync(workspace.Id, default);
        await Get<NotificationInbox>().MarkAllReadAsync(access, default);

        Clock.Advance(TimeSpan.FromHours(3));
        var second = await Run.RunAsync(workspace.Id, default);

        Assert.Equal(new ReminderRunResult(1, 0), second);
        Assert.NotNull(Assert.Single(await NotificationsAsync(workspace.Id)).ReadAt);
    }

    [Fact]
    public async Task Runs_at_the_same_moment_on_several_nodes_raise_each_reminder_once()
    {
        var (workspace, worker, access, _) = await WorkspaceAsync();
        for (var i = 0; i < 5; i++)
        {
            var due = await World.OpenCaseAsync(access, $"Parallel Testclient {i}", i % 2 == 0 ? worker.Id : null);
            await World.AddSafetyActionAsync(access, due.CaseId, Today);
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Run.RunAsync(workspace.Id, default))));

        Assert.Equal(5, (await NotificationsAsync(workspace.Id)).Count);
        Assert.Equal(5, results.Sum(r => r.Raised));
    }

    [Fact]
    public async Task A_new_due_date_after_a_review_is_a_new_reminder()
    {
        var (workspace, worker, access, _) = await WorkspaceAsync();
        var due = await World.OpenCaseAsync(access, "Renee Reviewed", worker.Id);
        var action = await World.AddSafetyActionAsync(access, due.CaseId, Today);
        await Run.RunAsync(workspace.Id, default);

        await World.ReviewSafetyActionsAsync(access, due.CaseId, action, Today.AddDays(7));
        Clock.Advance(TimeSpan.FromDays(7));
        await Run.RunAsync(workspace.Id, default);

        Assert.Equal(2, (await NotificationsAsync(workspace.Id)).Count);
    }

    [Fact]
    public async Task Notification_text_names_the_client_by_reference_never_by_name()
    {
        var (workspace, worker, access, _) = await WorkspaceAsync();
        var review = await World.OpenCaseAsync(access, "Zelda Secretname", worker.Id, Today.AddDays(-30));
        await World.AddSafetyActionAsync(access, review.CaseId, Today);
        await World.AssessAsync(access, review.ClientId, RiskLevel.High);

        await Run.RunAsync(workspace.Id, default);

        var notifications = await NotificationsAsync(workspace.Id);
        Assert.Equal(2, notifications.Count);
        Assert.All(notifications, n =>
        {
            Assert.Contains(review.Reference, n.Text);
            Assert.DoesNotContain("Zelda", n.Text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Secretname", n.Text, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task Each_workspace_reminds_only_its_own_staff()
    {
        var (riverside, riversideWorker, riversideAccess, _) = await WorkspaceAsync();
        var (northgate, _, _, _) = await WorkspaceAsync();
        var due = await World.OpenCaseAsync(riversideAccess, "Tenant Testclient", riversideWorker.Id);
        await World.AddSafetyActionAsync(riversideAccess, due.CaseId, Today);

        await Run.RunAsync(riverside.Id, default);
        await Run.RunAsync(northgate.Id, default);

        Assert.Single(await NotificationsAsync(riverside.Id));
        Assert.Empty(await NotificationsAsync(northgate.Id));
    }
}
