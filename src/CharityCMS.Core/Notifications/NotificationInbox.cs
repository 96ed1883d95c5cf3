using CharityCMS.Workspaces;
using Marten;
using Microsoft.Extensions.Logging;

namespace CharityCMS.Notifications;

/// <summary>Raises notifications to members and reads a member's own. Nobody reads another member's notifications.</summary>
public sealed class NotificationInbox(IDocumentStore store, TimeProvider clock, ILogger<NotificationInbox> logger)
{
    /// <summary>
    /// Adds a notification for each of the workspace's managers to the session (the caller saves it
    /// with the change it is about, so both land or neither does).
    /// </summary>
    public async Task NotifyManagersAsync(IDocumentSession session, string workspaceId, NotificationKind kind, string subject, string text, string? link, CancellationToken ct)
    {
        var managers = await ManagersOfAsync(workspaceId, ct);
        if (managers.Count == 0)
            logger.LogWarning("No signed-in manager in workspace {Workspace} to tell about a {Kind}", workspaceId, kind);
        foreach (var manager in managers)
            session.Store(new Notification(Notification.IdFor(kind, subject, manager), manager, kind, text, link, clock.GetUtcNow()));
    }

    public async Task<IReadOnlyList<Guid>> ManagersOfAsync(string workspaceId, CancellationToken ct)
    {
        await using var platform = store.QuerySession();
        var members = await platform.Query<Member>()
            .Where(m => m.WorkspaceId == workspaceId && m.ObjectId != null)
            .ToListAsync(ct);
        return members.Where(m => m.Roles.Contains(WorkspaceRole.Manager)).Select(m => m.Id).ToList();
    }

    public async Task<int> UnreadCountAsync(WorkspaceAccess access, CancellationToken ct)
    {
        await using var session = store.QuerySession(access.WorkspaceId);
        return await session.Query<Notification>().CountAsync(n => n.RecipientId == access.Member.Id && n.ReadAt == null, ct);
    }

    public async Task<IReadOnlyList<Notification>> LatestAsync(WorkspaceAccess access, int take, CancellationToken ct)
    {
        await using var session = store.QuerySession(access.WorkspaceId);
        return await session.Query<Notification>()
            .Where(n => n.RecipientId == access.Member.Id)
            .OrderByDescending(n => n.At)
            .Take(take)
            .ToListAsync(ct);
    }

    /// <summary>
    /// Marks one of her own notifications read and returns it; someone else's, or one that is gone,
    /// is left alone and null comes back.
    /// </summary>
    public async Task<Notification?> MarkReadAsync(WorkspaceAccess access, string notificationId, CancellationToken ct)
    {
        await using var session = store.LightweightSession(access.WorkspaceId);
        var notification = await session.LoadAsync<Notification>(notificationId, ct);
        if (notification is null || notification.RecipientId != access.Member.Id) return null;
        if (notification.ReadAt is not null) return notification;
        var read = notification with { ReadAt = clock.GetUtcNow() };
        session.Store(read);
        await session.SaveChangesAsync(ct);
        return read;
    }

    public async Task MarkAllReadAsync(WorkspaceAccess access, CancellationToken ct)
    {
        await using var session = store.LightweightSession(access.WorkspaceId);
        var unread = await session.Query<Notification>()
            .Where(n => n.RecipientId == access.Member.Id && n.ReadAt == null)
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var notification in unread) session.Store(notification with { ReadAt = now });
        await session.SaveChangesAsync(ct);
    }
}

internal static class NotificationStorage
{
    public static void Register(StoreOptions options) =>
        options.Schema.For<Notification>()
            .StartIndexesByTenantId()
            .Index(x => x.RecipientId)
            .Index(x => x.At);
}
