using System.Security.Claims;
using Bunit;
using CharityCMS.Notifications;
using CharityCMS.TestSupport;
using CharityCMS.Web.Access;
using CharityCMS.Web.Notifications;
using CharityCMS.Workspaces;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CharityCMS.Web.Tests.Components;

/// <summary>The bell rendered on its own over a real store: count in its label, latest listed, mark all read.</summary>
public class NotificationBellComponentTests : DomainDatabase
{
    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }

    private BunitContext Bell(WorkspaceAccess access)
    {
        // Like ComponentContext, with the bell's services added before anything renders.
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        var user = AccessClaims.WithWorkspace(new ClaimsPrincipal(new ClaimsIdentity("test")), new PersonWorkspaces([], access), isOperator: false);
        context.Services.AddSingleton<AuthenticationStateProvider>(new SignedIn(user));
        context.Services.AddSingleton<CurrentAccess>();
        context.Services.AddSingleton(Get<NotificationInbox>());
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return context;
    }

    private async Task NotifyAsync(WorkspaceAccess access, params string[] references)
    {
        await using var session = Store.LightweightSession(access.WorkspaceId);
        foreach (var reference in references)
            session.Insert(new Notification(Notification.IdFor(NotificationKind.SafetyPlanReviewDue, reference, access.Member.Id), access.Member.Id,
                NotificationKind.SafetyPlanReviewDue, $"Safety plan review due for {reference}.", "/clients", Clock.GetUtcNow()));
        await session.SaveChangesAsync();
    }

    [Fact]
    public async Task The_bell_says_how_many_are_unread_lists_them_and_marks_them_all_read()
    {
        var workspace = await TestWorkspace.CreateAsync(Store);
        var (_, access) = await workspace.AddMemberAsync("Wendy Worker", WorkspaceRole.Caseworker);
        await NotifyAsync(access, "TST-000101", "TST-000102");
        await using var context = Bell(access);
        var popovers = context.Render<MudBlazor.MudPopoverProvider>();

        var bell = context.Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.NotNull(bell.Find("button[aria-label='Notifications, 2 unread']")));
        await bell.Find("button[aria-label='Notifications, 2 unread']").ClickAsync(new());

        popovers.WaitForAssertion(() => Assert.Equal(2, popovers.FindAll(".notification.unread").Count));
        Assert.Contains("TST-000101", popovers.Markup);
        await popovers.FindAll(".mud-menu-item").Single(e => e.TextContent.Contains("Mark all as read")).ClickAsync(new());

        bell.WaitForAssertion(() => Assert.NotNull(bell.Find("button[aria-label='Notifications, 0 unread']")));
        Assert.Equal(0, await Get<NotificationInbox>().UnreadCountAsync(access, default));
    }

    [Fact]
    public async Task The_count_follows_her_to_the_next_page_after_a_notification_is_read_elsewhere()
    {
        var workspace = await TestWorkspace.CreateAsync(Store);
        var (_, access) = await workspace.AddMemberAsync("Wendy Worker", WorkspaceRole.Caseworker);
        await NotifyAsync(access, "TST-000201", "TST-000202");
        await using var context = Bell(access);
        var bell = context.Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.NotNull(bell.Find("button[aria-label='Notifications, 2 unread']")));

        // What opening one does: marks it read, then changes page.
        var opened = Notification.IdFor(NotificationKind.SafetyPlanReviewDue, "TST-000201", access.Member.Id);
        await Get<NotificationInbox>().MarkReadAsync(access, opened, default);
        context.Services.GetRequiredService<NavigationManager>().NavigateTo("/clients");

        bell.WaitForAssertion(() => Assert.NotNull(bell.Find("button[aria-label='Notifications, 1 unread']")));
    }

    [Fact]
    public async Task A_member_who_does_not_work_with_clients_sees_no_bell()
    {
        var workspace = await TestWorkspace.CreateAsync(Store);
        var (_, access) = await workspace.AddMemberAsync("Fay Fundraiser", WorkspaceRole.Fundraiser);
        await using var context = Bell(access);

        var bell = context.Render<NotificationBell>();

        Assert.Empty(bell.FindAll("button"));
    }
}
