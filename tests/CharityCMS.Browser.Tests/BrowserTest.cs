using CharityCMS.TestSupport;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CharityCMS.Browser.Tests;

/// <summary>
/// Base for browser tests: signs a person in, opens pages once they are live, saves a screenshot of
/// each step under the test output (screenshots/ClassName/), and runs axe on what it opens.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(Chromium chromium, BrowserApp app) : IAsyncLifetime
{
    private readonly List<IBrowserContext> contexts = [];
    private int step;

    protected BrowserApp App => app;

    public static string ScreenshotFolder(string testClass) => Path.Combine(AppContext.BaseDirectory, "screenshots", testClass);

    /// <summary>A fresh browser window, signed in on the demo sign-in page as the demo person named.</summary>
    protected async Task<IPage> SignInAsync(string demoPerson, int width = 1280, int height = 900)
    {
        var page = await NewWindowAsync(width, height);
        await page.GotoAsync("/signin/dev");
        await page.GetByRole(AriaRole.Button, new() { Name = demoPerson }).First.ClickAsync();
        await WhenLiveAsync(page);
        return page;
    }

    /// <summary>A fresh browser window with nobody signed in, at a phone's or a desk's width.</summary>
    protected async Task<IPage> NewWindowAsync(int width = 1280, int height = 900)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });
        contexts.Add(context);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return page;
    }

    /// <summary>Opens <paramref name="path"/> and waits until the page is live (its circuit is connected), not merely loaded.</summary>
    protected static async Task GoToAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await WhenLiveAsync(page);
    }

    protected static Task WhenLiveAsync(IPage page) =>
        page.Locator("#interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>Waits until <paramref name="condition"/> holds, for things Playwright has no event for.</summary>
    protected static async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited 15 s for {what}.");
            await Task.Delay(100);
        }
    }

    protected async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = ScreenshotFolder(GetType().Name);
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{++step:00}-{name}.png"), FullPage = true });
    }

    /// <summary>Runs axe on the page as it stands and fails on any serious or critical violation.</summary>
    protected static async Task AssertAccessibleAsync(IPage page)
    {
        // Colours mid-fade (a snackbar sliding in) are not what a person reads; wait for finite animations to end.
        await page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running' || a.effect.getComputedTiming().iterations === Infinity)");
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"Accessibility violations on {page.Url}:\n" + string.Join("\n",
            serious.Select(v => $"- {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in contexts) await context.DisposeAsync();
    }
}
