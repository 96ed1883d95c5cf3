using CharityCMS.Workspaces;
using Microsoft.AspNetCore.Authorization;

namespace CharityCMS.Web.Access;

/// <summary>Who may reach which page or endpoint. Pages name a policy; anything that names none falls back to <see cref="Fallback"/>.</summary>
public static class Policies
{
    public const string SignedIn = nameof(SignedIn);
    public const string WorkspaceMember = nameof(WorkspaceMember);
    public const string ClientRecords = nameof(ClientRecords);
    public const string RecordViews = nameof(RecordViews);
    public const string WorkspaceAdmin = nameof(WorkspaceAdmin);

    /// <summary>Funders, grants and funder returns: the managers' work.</summary>
    public const string Funding = nameof(Funding);
    public const string PlatformOperator = nameof(PlatformOperator);

    /// <summary>Donors, gifts, campaigns and Gift Aid: fundraisers and workspace admins, never casework.</summary>
    public const string Fundraising = nameof(Fundraising);

    /// <summary>Signed in, and either a member of a workspace or a platform operator.</summary>
    public static AuthorizationPolicy Fallback { get; } = new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .RequireAssertion(c => c.User.HasClaim(x => x.Type == AccessClaims.Workspace) || AccessClaims.IsOperator(c.User))
        .Build();

    public static void Add(AuthorizationOptions options)
    {
        options.FallbackPolicy = Fallback;
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(WorkspaceMember, p => p.RequireAuthenticatedUser().RequireClaim(AccessClaims.Workspace));
        options.AddPolicy(ClientRecords, p => RequireRoles(p, WorkspaceRoles.ClientRecords));
        options.AddPolicy(RecordViews, p => RequireRoles(p, new HashSet<WorkspaceRole> { WorkspaceRole.Manager }));
        options.AddPolicy(Funding, p => RequireRoles(p, new HashSet<WorkspaceRole> { WorkspaceRole.Manager }));
        options.AddPolicy(Fundraising, p => RequireRoles(p, WorkspaceRoles.Fundraising));
        options.AddPolicy(WorkspaceAdmin, p => RequireRoles(p, new HashSet<WorkspaceRole> { WorkspaceRole.WorkspaceAdmin }));
        options.AddPolicy(PlatformOperator, p => p.RequireAuthenticatedUser().RequireClaim(AccessClaims.Operator, "true"));
    }

    private static void RequireRoles(AuthorizationPolicyBuilder policy, IReadOnlySet<WorkspaceRole> roles) =>
        policy.RequireAuthenticatedUser().RequireClaim(AccessClaims.Role, roles.Select(r => r.ToString()));
}
