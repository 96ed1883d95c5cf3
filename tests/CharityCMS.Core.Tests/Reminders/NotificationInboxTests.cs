using CharityCMS.Notifications;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;

namespace CharityCMS.Core.Tests.Reminders;

public class NotificationInboxTests : DomainDatabase
{
    private NotificationInbox Inbox => Get<NotificationInbox>();

    private async Task<Notification> NotifyAsync(string workspaceId, Guid recipientId, string subject)
    {
        var notification = new Notification(Notification.IdFor(NotificationKind.SafetyPlanReviewDue, subject, recipientId), recipientId,
            NotificationKind.SafetyPlanReviewDue, $"Review due for {subject}.", "/clients", Clock.GetUtcNow());
        await using var session = Store.LightweightSession(workspaceId);
        session.Insert(notification);
        await session.SaveChangesAsync();
        return notification;
    }

    [Fact]
    public async Task Marking_one_read_lowers_her_unread_count_by_one()
    {
        var workspace = await TestWorkspace.CreateAsync(Store);
        var (worker, access) = await workspace.AddMemberAsync("Wendy Worker", WorkspaceRole.Caseworker);
        var first = await NotifyAsync(workspace.Id, worker.Id, "TST-000001");
        await NotifyAsync(workspace.Id, worker.Id, "TST-000002");

        var opened = await Inbox.MarkReadAsync(access, first.Id, default);

        Assert.Equal(first.Link, opened!.Link);
        Assert.Equal(1, await Inbox.UnreadCountAsync(access, default));
        Assert.NotNull((await Inbox.LatestAsync(access, 10, default)).Single(n => n.Id == first.Id).ReadAt);
    }

    [Fact]
    public async Task A_member_cannot_mark_another_members_notification_read()
    {
        var workspace = await TestWorkspace.CreateAsync(Store);
        var (worker, workerAccess) = await workspace.AddMemberAsync("Wendy Worker", WorkspaceRole.Caseworker);
        var (_, otherAccess) = await workspace.AddMemberAsync("Olga Other", WorkspaceRole.Caseworker);
        var hers = await NotifyAsync(workspace.Id, worker.Id, "TST-000003");

        // Nor learn where it leads: the opener gets nothing back.
        Assert.Null(await Inbox.MarkReadAsync(otherAccess, hers.Id, default));

        Assert.Equal(1, await Inbox.UnreadCountAsync(workerAccess, default));
        Assert.Empty(await Inbox.LatestAsync(otherAccess, 10, default));
    }
}
