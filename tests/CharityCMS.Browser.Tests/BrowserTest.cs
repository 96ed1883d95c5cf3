using CharityCMS.TestSupport;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CharityCMS.Browser.Tests;

/// <summary>
/// Base for browser tests: signs a person in, opens pages once they are live, saves a screenshot of
/// each step under the test output (screenshots/ClassName/), and runs axe on what it opens.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(Chromium chromium, CharityApp app) : IClassFixture<CharityApp>, IAsyncLifetime
{
    private readonly List<IBrowserContext> contexts = [];
    private int step;

    protected CharityApp App => app;

    public static string ScreenshotFolder(string testClass) => Path.Combine(AppContext.BaseDirectory, "screenshots", testClass);

    /// <summary>A fresh browser window signed in as <paramref name="person"/> (or nobody), at a phone's or a desk's width.</summary>
    protected async Task<IPage> OpenAsSync(TestPerson? person, int width = 1280, int height = 900)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });
        contexts.Add(context);
        if (person is not null)
        {
            await context.AddCookiesAsync([new Cookie { Name = TestPerson.CookieName, Value = person.CookieValue, Url = app.BaseAddress.ToString() }]);
        }
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

    protected async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = ScreenshotFolder(GetType().Name);
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{++step:00}-{name}.png"), FullPage = true });
    }

    /// <summary>Runs axe on the page as it stands and fails on any serious or critical violation.</summary>
    protected static async Task AssertAccessibleAsync(IPage page)
    {
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
