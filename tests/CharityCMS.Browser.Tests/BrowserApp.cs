using CharityCMS.Demo;
using CharityCMS.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CharityCMS.Browser.Tests;

/// <summary>
/// The app as ./run.sh starts it (Development, the demo sign-in page, the demo's charities and
/// staff) on a database of its own, with clients left for each test to create.
/// </summary>
public sealed class BrowserApp : CharityApp
{
    protected override bool UseTestSignIn => false;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Services.GetRequiredService<DemoSeed>().SeedWorkspacesAndStaffAsync(CancellationToken.None);
    }
}
