using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;

namespace CharityCMS.Core.Tests.Cases;

/// <summary>A workspace with a caseworker, a manager and one client with an open case allocated to the caseworker.</summary>
public abstract class CaseDatabase : DomainDatabase
{
    protected TestWorkspace Workspace { get; private set; } = null!;
    protected WorkspaceAccess Caseworker { get; private set; } = null!;
    protected WorkspaceAccess Manager { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Workspace = await TestWorkspace.CreateAsync(Store);
        Caseworker = (await Workspace.AddMemberAsync("Hannah Worker", WorkspaceRole.Caseworker)).Access;
        Manager = (await Workspace.AddMemberAsync("Grace Manager", WorkspaceRole.Manager)).Access;
    }

    protected async Task<(Guid ClientId, Guid CaseId)> ClientWithCaseAsync(RegisterClient? registration = null, WorkspaceAccess? worker = null)
    {
        var client = await Get<RegisterClientHandler>().HandleAsync(Manager, registration ?? SampleClients.Registration(), default);
        var caseId = await Get<OpenCaseHandler>().HandleAsync(Manager,
            new OpenCase(client.ClientId, CaseService.Idva, (worker ?? Caseworker).Member.Id, UkCalendar.Today(Clock)), default);
        return (client.ClientId, caseId);
    }

    protected LogContact Contact(Guid caseId, ContactMethod method, string? phone = "07700 900123", bool successful = true) =>
        new(caseId, method, successful, Clock.GetUtcNow().AddMinutes(-30), 20, phone, "Talked through her options.");
}
