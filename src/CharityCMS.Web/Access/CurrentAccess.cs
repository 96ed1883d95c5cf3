using CharityCMS.Workspaces;
using Microsoft.AspNetCore.Components.Authorization;

namespace CharityCMS.Web.Access;

/// <summary>The signed-in member's access, for components: read from the circuit's (revalidated) identity each time.</summary>
public sealed class CurrentAccess(AuthenticationStateProvider authentication)
{
    public async Task<WorkspaceAccess> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return AccessClaims.ToAccess(state.User) ?? throw new NoWorkspaceException();
    }
}

/// <summary>The person has no current workspace (never had one, or was just removed).</summary>
public sealed class NoWorkspaceException() : Exception("You are not a member of this workspace any more.");
