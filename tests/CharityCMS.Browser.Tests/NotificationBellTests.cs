using CharityCMS.Browser.Tests.Pages;
using CharityCMS.Demo;
using CharityCMS.Notifications;
using CharityCMS.Reminders;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CharityCMS.Browser.Tests;

public class NotificationBellTests(Chromium chromium, BrowserApp app) : BrowserTest(chromium, app), IClassFixture<BrowserApp>
{
    /// <summary>Safety plan reviews due today on Hannah Price's caseload, raised by the reminder run as the daily job would.</summary>
    private async Task<IReadOnlyList<string>> RemindersForHannahAsync(params string[] clientNames)
    {
        await using var session = App.Store.QuerySession();
        var members = await session.Query<Member>().Where(m => m.WorkspaceId == DemoStaff.Riverside).ToListAsync();
        var hannah = members.Single(m => m.DisplayName == "Hannah Price");
        var grace = members.Single(m => m.DisplayName == "Grace Okoro");
        var manager = new WorkspaceAccess(DemoStaff.Riverside, "Riverside", grace.AsStaff(), grace.Roles.ToHashSet());
        // The class's tests share the app: start from nothing unread.
        await App.Services.GetRequiredService<NotificationInbox>()
            .MarkAllReadAsync(new WorkspaceAccess(DemoStaff.Riverside, "Riverside", hannah.AsStaff(), hannah.Roles.ToHashSet()), default);
        var world = new CaseworkWorld(App.Services, TimeProvider.System);
        var references = new List<string>();
        foreach (var name in clientNames)
        {
            var opened = await world.OpenCaseAsync(manager, name, hannah.Id);
            await world.AddSafetyActionAsync(manager, opened.CaseId, UkCalendar.Today(TimeProvider.System));
            references.Add(opened.Reference);
        }
        await App.Services.GetRequiredService<ReminderRun>().RunAsync(DemoStaff.Riverside, default);
        return references;
    }

    [Fact]
    public async Task The_bell_counts_unread_reminders_lists_them_by_reference_and_marks_them_read()
    {
        var references = await RemindersForHannahAsync("Bella Bellclient", "Bonnie Bellclient");
        var page = await SignInAsync("Hannah Price");
        var bell = new NotificationBellControl(page);

        Assert.Equal("Notifications, 2 unread", await bell.LabelAsync());
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "bell-with-two-unread");

        await bell.OpenAsync();
        var items = await bell.Unread.AllInnerTextsAsync();
        Assert.Equal(2, items.Count);
        Assert.All(references, reference => Assert.Contains(items, item => item.Contains(reference)));
        Assert.All(items, item => Assert.DoesNotContain("Bellclient", item));
        Assert.All(items, item => Assert.Contains(UkCalendar.Today(TimeProvider.System).ToString("d MMM yyyy"), item));
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "bell-open");

        await bell.MarkAllReadAsync();
        await page.ReloadAsync();
        await WhenLiveAsync(page);
        Assert.Equal("Notifications, 0 unread", await bell.LabelAsync());
        await ScreenshotAsync(page, "bell-all-read");
    }

    [Fact]
    public async Task The_notifications_page_lists_them_and_opening_one_from_the_bell_marks_it_read()
    {
        var references = await RemindersForHannahAsync("Petra Pageclient");
        var page = await SignInAsync("Hannah Price");
        var bell = new NotificationBellControl(page);

        await GoToAsync(page, "/notifications");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Notifications", Level = 1 }).WaitForAsync();
        var list = page.GetByRole(AriaRole.List, new() { Name = "Notifications" });
        Assert.Contains(references[0], await list.InnerTextAsync());
        Assert.DoesNotContain("Pageclient", await list.InnerTextAsync());
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "notifications-page");

        var unreadBefore = await bell.LabelAsync();
        await bell.OpenAsync();
        await bell.OpenItemAsync(bell.Items.Filter(new() { HasText = references[0] }), new System.Text.RegularExpressions.Regex("/clients/[0-9a-f-]+$"));
        await page.GetByRole(AriaRole.Button, new() { Name = $"Notifications, {int.Parse(unreadBefore.Split(' ')[1]) - 1} unread" }).WaitForAsync();
    }

    [Fact]
    public async Task A_fundraiser_has_no_bell()
    {
        var page = await SignInAsync("Ellie Turner");

        await page.Locator("#interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.Equal(0, await new NotificationBellControl(page).Button.CountAsync());
    }
}
