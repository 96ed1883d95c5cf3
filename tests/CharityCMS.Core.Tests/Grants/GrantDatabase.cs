using CharityCMS.Cases;
using CharityCMS.Grants;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;

namespace CharityCMS.Core.Tests.Grants;

/// <summary>A workspace with a manager, a caseworker and one funder, and a way to record grants with sensible terms.</summary>
public abstract class GrantDatabase : DomainDatabase
{
    protected TestWorkspace Workspace { get; private set; } = null!;
    protected WorkspaceAccess Manager { get; private set; } = null!;
    protected WorkspaceAccess Caseworker { get; private set; } = null!;
    protected Guid FunderId { get; private set; }

    protected GrantTermsHandler Terms => Get<GrantTermsHandler>();
    protected GrantPlanning Planning => Get<GrantPlanning>();
    protected GrantQueries Grants => Get<GrantQueries>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Workspace = await TestWorkspace.CreateAsync(Store);
        Manager = (await Workspace.AddMemberAsync("Grace Manager", WorkspaceRole.Manager)).Access;
        Caseworker = (await Workspace.AddMemberAsync("Hannah Worker", WorkspaceRole.Caseworker)).Access;
        FunderId = await Get<Funders>().RegisterAsync(Manager,
            new FunderDetails("Northshire PCC", FunderType.PoliceAndCrimeCommissioner, "Dana Commissioning", "dana@pcc.example", null, null), default);
    }

    protected GrantTermsForm Form(decimal amount = 60_000m, DateOnly? startsOn = null, DateOnly? endsOn = null, DateOnly? renewalDueOn = null) => new(
        FunderId, "IDVA service 2026-27", "PCC/VAWG/042", amount, Restricted: true,
        startsOn ?? new DateOnly(2026, 4, 1), endsOn ?? new DateOnly(2027, 3, 31), [CaseService.Idva], "1.5 FTE IDVA", Manager.Member.Id, renewalDueOn);

    protected async Task<Grant> RecordAsync(GrantTermsForm? form = null)
    {
        var id = await Terms.RecordAsync(Manager, form ?? Form(), default);
        return await Grants.GetAsync(Manager, id, default);
    }
}
