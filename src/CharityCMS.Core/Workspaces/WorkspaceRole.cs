namespace CharityCMS.Workspaces;

/// <summary>What a member may do inside one charity's workspace. A member can hold several.</summary>
public enum WorkspaceRole
{
    /// <summary>IDVA, ISVA, outreach or refuge worker: works with clients.</summary>
    Caseworker,
    /// <summary>Runs the team's caseload, sees who viewed a record, reports to funders.</summary>
    Manager,
    /// <summary>Works with donors and Gift Aid; never reaches client data.</summary>
    Fundraiser,
    /// <summary>Invites members and sets their roles.</summary>
    WorkspaceAdmin,
}

public static class WorkspaceRoles
{
    /// <summary>Roles whose holders work with clients. Fundraisers and admins alone are not among them.</summary>
    public static readonly IReadOnlySet<WorkspaceRole> ClientRecords = new HashSet<WorkspaceRole>
    {
        WorkspaceRole.Caseworker, WorkspaceRole.Manager,
    };

    /// <summary>Roles that handle donors and their gifts. Caseworkers and managers alone are not among them.</summary>
    public static readonly IReadOnlySet<WorkspaceRole> Fundraising = new HashSet<WorkspaceRole>
    {
        WorkspaceRole.Fundraiser, WorkspaceRole.WorkspaceAdmin,
    };

    public static string Title(this WorkspaceRole role) => role switch
    {
        WorkspaceRole.WorkspaceAdmin => "Workspace admin",
        _ => role.ToString(),
    };
}
