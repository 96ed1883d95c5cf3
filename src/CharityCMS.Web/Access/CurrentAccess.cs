using System.Security.Claims;
using CharityCMS.Workspaces;
using Microsoft.AspNetCore.Components.Authorization;

namespace CharityCMS.Web.Access;

/// <summary>The signed-in person's access, for components: read from the circuit's (revalidated) identity each time.</summary>
public sealed class CurrentAccess(AuthenticationStateProvider authentication)
{
    /// <summary>Her current workspace access; throws when she has none (never had one, or was just removed).</summary>
    public async Task<WorkspaceAccess> GetAsync() => await FindAsync() ?? throw new NoWorkspaceException();

    /// <summary>Her current workspace access, or null when she works in none (a platform operator, say).</summary>
    public async Task<WorkspaceAccess?> FindAsync() => AccessClaims.ToAccess(await UserAsync());

    /// <summary>The platform operator she is, or null.</summary>
    public async Task<PlatformOperator?> OperatorAsync() => AccessClaims.ToOperator(await UserAsync());

    private async Task<ClaimsPrincipal> UserAsync() => (await authentication.GetAuthenticationStateAsync()).User;
}

/// <summary>The person has no current workspace (never had one, or was just removed).</summary>
public sealed class NoWorkspaceException() : Exception("You are not a member of this workspace any more.");
