using System.Security.Claims;
using CharityCMS.Workspaces;

namespace CharityCMS.Web.Access;

/// <summary>
/// The claims the app adds to a signed-in person, from the store, on every request: her current
/// workspace, her roles there, and her other workspaces for the switcher. They sit in an identity of
/// their own; anything with these claim types in a token from outside is dropped.
/// </summary>
public static class AccessClaims
{
    public const string IdentityType = "charitycms-workspace";
    public const string Workspace = "cms:workspace";
    public const string WorkspaceName = "cms:workspace_name";
    public const string MemberId = "cms:member";
    public const string MemberName = "cms:member_name";
    public const string Role = "cms:role";
    public const string Membership = "cms:membership";
    public const string Operator = "cms:operator";

    /// <summary>
    /// The id of the sign-in (a <see cref="CharityCMS.SignIn.SignInSession"/>), issued by us into the
    /// session cookie; outside our prefix on purpose, so it survives the stripping of <c>cms:</c> claims.
    /// </summary>
    public const string SignInSession = "charitycms:sign-in";

    /// <summary>The Entra app role that makes a person a platform operator.</summary>
    public const string OperatorAppRole = "Operator";

    private const string Prefix = "cms:";

    public static string? ObjectId(ClaimsPrincipal user) =>
        user.FindFirst("http://schemas.microsoft.com/identity/claims/objectidentifier")?.Value ?? user.FindFirst("oid")?.Value;

    public static string? Email(ClaimsPrincipal user) =>
        user.FindFirst("preferred_username")?.Value ?? user.FindFirst("email")?.Value ?? user.FindFirst(ClaimTypes.Email)?.Value;

    public static bool HasOperatorAppRole(ClaimsPrincipal user) =>
        user.Claims.Any(c => c.Type is "roles" or ClaimTypes.Role && c.Value == OperatorAppRole);

    public static Guid? SignInSessionId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(SignInSession)?.Value, out var id) ? id : null;

    public static bool IsResolved(ClaimsPrincipal user) => user.Identities.Any(i => i.AuthenticationType == IdentityType);

    public static bool IsOperator(ClaimsPrincipal user) => user.HasClaim(Operator, "true");

    /// <summary>The platform operator behind the principal, or null when she does not hold the Operator app role.</summary>
    public static PlatformOperator? ToOperator(ClaimsPrincipal user) =>
        IsOperator(user) ? new PlatformOperator(ObjectId(user)!, user.FindFirst("name")?.Value ?? Email(user) ?? "Operator") : null;

    /// <summary>The principal with the workspace identity built from <paramref name="person"/> in place of any claims of ours it carried.</summary>
    public static ClaimsPrincipal WithWorkspace(ClaimsPrincipal signedIn, PersonWorkspaces person, bool isOperator)
    {
        var outside = signedIn.Identities
            .Where(i => i.AuthenticationType != IdentityType)
            .Select(i => new ClaimsIdentity(i.Claims.Where(c => !c.Type.StartsWith(Prefix, StringComparison.Ordinal)), i.AuthenticationType, i.NameClaimType, i.RoleClaimType));

        var claims = new List<Claim>();
        if (isOperator) claims.Add(new(Operator, "true"));
        if (person.Current is { } current)
        {
            claims.Add(new(Workspace, current.WorkspaceId));
            claims.Add(new(WorkspaceName, current.WorkspaceName));
            claims.Add(new(MemberId, current.Member.Id.ToString()));
            claims.Add(new(MemberName, current.Member.Name));
            claims.AddRange(current.Roles.Order().Select(r => new Claim(Role, r.ToString())));
        }
        claims.AddRange(person.Memberships.Select(m => new Claim(Membership, $"{m.Workspace.Id}|{m.Workspace.Name}")));
        return new ClaimsPrincipal(outside.Append(new ClaimsIdentity(claims, IdentityType, MemberName, Role)));
    }

    /// <summary>The current workspace access carried by the principal, or null when she has none.</summary>
    public static WorkspaceAccess? ToAccess(ClaimsPrincipal user)
    {
        var identity = user.Identities.FirstOrDefault(i => i.AuthenticationType == IdentityType);
        var workspace = identity?.FindFirst(Workspace)?.Value;
        if (identity is null || workspace is null) return null;
        return new WorkspaceAccess(
            workspace,
            identity.FindFirst(WorkspaceName)!.Value,
            new StaffMember(Guid.Parse(identity.FindFirst(MemberId)!.Value), identity.FindFirst(MemberName)!.Value),
            RolesOf(identity));
    }

    public static IReadOnlySet<WorkspaceRole> Roles(ClaimsPrincipal user) =>
        user.Identities.FirstOrDefault(i => i.AuthenticationType == IdentityType) is { } identity ? RolesOf(identity) : new HashSet<WorkspaceRole>();

    /// <summary>The workspaces she belongs to, id and name, for the switcher.</summary>
    public static IReadOnlyList<(string Id, string Name)> Memberships(ClaimsPrincipal user) =>
        user.FindAll(Membership).Select(c => c.Value.Split('|', 2)).Select(p => (p[0], p[1])).ToList();

    private static HashSet<WorkspaceRole> RolesOf(ClaimsIdentity identity) =>
        identity.FindAll(Role).Select(c => Enum.Parse<WorkspaceRole>(c.Value)).ToHashSet();
}
