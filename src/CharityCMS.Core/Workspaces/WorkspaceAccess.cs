namespace CharityCMS.Workspaces;

/// <summary>
/// The signed-in person's current membership, resolved on the server from the store. Every
/// session that reads or writes a charity's data is opened for <see cref="WorkspaceId"/> and for
/// nothing else: the tenant never comes from a URL or a form.
/// </summary>
public sealed record WorkspaceAccess(
    string WorkspaceId,
    string WorkspaceName,
    StaffMember Member,
    IReadOnlySet<WorkspaceRole> Roles)
{
    public bool Has(WorkspaceRole role) => Roles.Contains(role);

    public bool HasAny(IReadOnlySet<WorkspaceRole> roles) => Roles.Overlaps(roles);

    /// <summary>Refuses the call unless the member holds one of <paramref name="allowed"/>.</summary>
    public void Require(IReadOnlySet<WorkspaceRole> allowed, string what)
    {
        if (!HasAny(allowed)) throw new AccessDeniedException(what);
    }

    public void Require(WorkspaceRole role, string what)
    {
        if (!Has(role)) throw new AccessDeniedException(what);
    }
}

/// <summary>Thrown when a member asks for something her roles do not allow. The message names the action, never data.</summary>
public sealed class AccessDeniedException(string action)
    : Exception($"Your role in this workspace does not allow you to {action}.");
