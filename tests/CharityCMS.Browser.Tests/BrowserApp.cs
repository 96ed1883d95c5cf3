using CharityCMS.Cases;
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

    /// <summary>
    /// Registers a client in a demo workspace, as its manager would; with <paramref name="allocateTo"/>,
    /// also opens an IDVA case for her allocated to that worker, so she is on the worker's caseload.
    /// </summary>
    public async Task<ClientRegistration> RegisterClientAsync(string workspace, RegisterClient registration, string? allocateTo = null)
    {
        var access = await ManagerAsync(workspace);
        var registered = await Services.GetRequiredService<RegisterClientHandler>().HandleAsync(access, registration, default);
        if (allocateTo is not null) await OpenCaseAsync(workspace, registered.ClientId, allocateTo);
        return registered;
    }

    /// <summary>Opens an IDVA case for the client, allocated to the named worker.</summary>
    public async Task<Guid> OpenCaseAsync(string workspace, Guid clientId, string workerName)
    {
        await using var session = Store.QuerySession();
        var worker = await session.Query<Member>().SingleAsync(m => m.WorkspaceId == workspace && m.DisplayName == workerName);
        return await Services.GetRequiredService<OpenCaseHandler>().HandleAsync(await ManagerAsync(workspace),
            new OpenCase(clientId, CaseService.Idva, worker.Id, UkCalendar.Today(TimeProvider.System)), default);
    }

    /// <summary>A manager of the demo workspace, as the domain sees her.</summary>
    public async Task<WorkspaceAccess> ManagerAsync(string workspace)
    {
        await using var session = Store.QuerySession();
        var manager = await session.Query<Member>().FirstAsync(m => m.WorkspaceId == workspace && m.Roles.Contains(WorkspaceRole.Manager));
        return new WorkspaceAccess(workspace, workspace, manager.AsStaff(), manager.Roles.ToHashSet());
    }
}
