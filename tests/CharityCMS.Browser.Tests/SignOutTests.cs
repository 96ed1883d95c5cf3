using CharityCMS.Browser.Tests.Pages;
using Microsoft.Playwright;

namespace CharityCMS.Browser.Tests;

/// <summary>The demo app with the idle sign-out shortened to a few seconds.</summary>
public sealed class QuickIdleApp : BrowserApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Access:IdleSignOutAfter"] = "00:00:04" };
}

public class IdleSignOutTests(Chromium chromium, QuickIdleApp app) : BrowserTest(chromium, app), IClassFixture<QuickIdleApp>
{
    [Fact]
    public async Task A_record_left_open_without_activity_is_signed_out_and_cleared_from_the_screen()
    {
        var client = await App.RegisterClientAsync("riverside", CharityCMS.TestSupport.SampleClients.Registration("Idle Testclient"));
        var page = await SignInAsync("Grace Okoro");
        await GoToAsync(page, $"/clients/{client.ClientId}");
        await new ClientRecordPage(page).WhenOpenAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "You are signed out" }).WaitForAsync(new() { Timeout = 15_000 });

        Assert.Contains("without activity", await page.Locator("body").InnerTextAsync());
        Assert.DoesNotContain("Idle Testclient", await page.ContentAsync());
        await page.GoBackAsync();
        await page.WaitForLoadStateAsync();
        Assert.DoesNotContain("Idle Testclient", await page.ContentAsync());
        await ScreenshotAsync(page, "signed-out-when-idle");
    }
}

public class SignOutEverywhereTests(Chromium chromium, BrowserApp app) : BrowserTest(chromium, app), IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Signing_out_in_one_tab_closes_the_record_open_in_another()
    {
        var client = await App.RegisterClientAsync("riverside", CharityCMS.TestSupport.SampleClients.Registration("Two Tabs Testclient"), allocateTo: "Hannah Price");
        var first = await SignInAsync("Hannah Price");
        var second = await first.Context.NewPageAsync();
        await GoToAsync(second, $"/clients/{client.ClientId}");
        await new ClientRecordPage(second).WhenOpenAsync();
        Assert.DoesNotContain("Two Tabs", await second.TitleAsync());

        await new AppBar(first).SignOutAsync();

        await second.GetByRole(AriaRole.Heading, new() { Name = "Your access has changed" }).WaitForAsync(new() { Timeout = 10_000 });
        Assert.DoesNotContain("Two Tabs Testclient", await second.ContentAsync());
    }
}
