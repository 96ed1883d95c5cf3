using CharityCMS.Clients;
using CharityCMS.Demo;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CharityCMS.Browser.Tests;

/// <summary>
/// The app as ./run.sh starts it (Development, the demo sign-in page, the demo's charities and
/// staff) on a database of its own, with clients left for each test to create.
/// </summary>
public class BrowserApp : CharityApp
{
    protected override bool UseTestSignIn => false;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Services.GetRequiredService<DemoSeed>().SeedWorkspacesAndStaffAsync(CancellationToken.None);
    }

    /// <summary>Registers a client in a demo workspace, as its manager would.</summary>
    public async Task<ClientRegistration> RegisterClientAsync(string workspace, RegisterClient registration)
    {
        await using var session = Store.QuerySession();
        var manager = await session.Query<Member>().FirstAsync(m => m.WorkspaceId == workspace && m.Roles.Contains(WorkspaceRole.Manager));
        var access = new WorkspaceAccess(workspace, workspace, manager.AsStaff(), manager.Roles.ToHashSet());
        return await Services.GetRequiredService<RegisterClientHandler>().HandleAsync(access, registration, default);
    }
}
