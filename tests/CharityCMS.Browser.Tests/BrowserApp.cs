using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.Demo;
using CharityCMS.Marac;
using CharityCMS.Referrals;
using CharityCMS.Risk;
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

    /// <summary>Completes a risk assessment for the client with that many "yes" answers, as the manager would.</summary>
    public async Task<Guid> CompleteAssessmentAsync(string workspace, Guid clientId, int yes)
    {
        var access = await ManagerAsync(workspace);
        var id = await Services.GetRequiredService<StartRiskAssessmentHandler>().HandleAsync(access, new StartRiskAssessment(clientId), default);
        await Services.GetRequiredService<CompleteRiskAssessmentHandler>().HandleAsync(access, new CompleteRiskAssessment(id, 1, SampleRisk.Form(yes)), default);
        return id;
    }

    /// <summary>Refers a client already assessed at high risk to a MARAC meeting held today, so its outcome can be recorded.</summary>
    public async Task<Guid> ReferToMaracAsync(string workspace, Guid clientId)
    {
        var today = UkCalendar.Today(TimeProvider.System);
        return await Services.GetRequiredService<MakeMaracReferralHandler>().HandleAsync(await ManagerAsync(workspace),
            new MakeMaracReferral(clientId, null, today, today), default);
    }

    /// <summary>Agrees an action on a MARAC referral that has none yet, due in a week.</summary>
    public async Task AgreeMaracActionAsync(string workspace, Guid referralId, string action, string agency) =>
        await Services.GetRequiredService<AgreeMaracActionHandler>().HandleAsync(await ManagerAsync(workspace),
            new AgreeMaracAction(referralId, 1, action, agency, UkCalendar.Today(TimeProvider.System).AddDays(7)), default);

    /// <summary>A police referral received an hour ago, waiting in the triage queue.</summary>
    public async Task<Guid> ReceiveReferralAsync(string workspace, string name) =>
        await Services.GetRequiredService<ReceiveReferralHandler>().HandleAsync(await ManagerAsync(workspace),
            SampleReferrals.FromPolice(DateTimeOffset.UtcNow.AddHours(-1), name), default);

    /// <summary>The named member of the demo workspace, as the app would resolve her access.</summary>
    public async Task<WorkspaceAccess> AccessAsync(string workspace, string name)
    {
        await using var session = Store.QuerySession();
        var member = await session.Query<Member>().SingleAsync(m => m.WorkspaceId == workspace && m.DisplayName == name);
        return new WorkspaceAccess(workspace, workspace, member.AsStaff(), member.Roles.ToHashSet());
    }

    /// <summary>A manager of the demo workspace, as the app would resolve her access.</summary>
    public async Task<WorkspaceAccess> ManagerAsync(string workspace)
    {
        await using var session = Store.QuerySession();
        var manager = await session.Query<Member>().FirstAsync(m => m.WorkspaceId == workspace && m.Roles.Contains(WorkspaceRole.Manager));
        return new WorkspaceAccess(workspace, workspace, manager.AsStaff(), manager.Roles.ToHashSet());
    }
}
