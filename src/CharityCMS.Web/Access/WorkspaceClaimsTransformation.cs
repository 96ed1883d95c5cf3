using System.Security.Claims;
using CharityCMS.Workspaces;
using Microsoft.AspNetCore.Authentication;

namespace CharityCMS.Web.Access;

/// <summary>
/// On every authenticated request (and so at the start of every Blazor circuit), looks the person up
/// in the store and attaches her current workspace and roles. The workspace never comes from the
/// request itself: only from her memberships and the choice she last made among them.
/// </summary>
internal sealed class WorkspaceClaimsTransformation(MemberDirectory directory) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || AccessClaims.IsResolved(principal)) return principal;
        var objectId = AccessClaims.ObjectId(principal);
        if (objectId is null) return principal;

        var person = await directory.ResolveAsync(objectId, AccessClaims.Email(principal), CancellationToken.None);
        return AccessClaims.WithWorkspace(principal, person, AccessClaims.HasOperatorAppRole(principal));
    }
}
