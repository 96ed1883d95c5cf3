using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CharityCMS.Browser.Tests.Pages;

/// <summary>The notification bell in the app bar, as a member uses it: read the count, open it, mark all read.</summary>
public sealed partial class NotificationBellControl(IPage page)
{
    public ILocator Button => page.GetByRole(AriaRole.Button, new() { NameRegex = BellName() });

    public ILocator Items => page.Locator(".notification-menu .notification");

    public ILocator Unread => page.Locator(".notification-menu .notification.unread");

    public async Task<string> LabelAsync() => (await Button.GetAttributeAsync("aria-label"))!;

    public async Task OpenAsync()
    {
        await Button.ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "See all notifications" }).WaitForAsync();
    }

    /// <summary>
    /// Opens a notification and waits until the page is at what it is about. Polled, not awaited as a
    /// navigation event: the link marks it read and replaces the address within the circuit, fast
    /// enough to finish before a navigation waiter would be set.
    /// </summary>
    public async Task OpenItemAsync(ILocator item, Regex about)
    {
        await item.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(about);
    }

    public async Task MarkAllReadAsync()
    {
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Mark all as read" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Notifications, 0 unread" }).WaitForAsync();
    }

    [GeneratedRegex(@"^Notifications, \d+ unread$")]
    private static partial Regex BellName();
}
