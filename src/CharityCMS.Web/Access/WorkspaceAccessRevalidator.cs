using CharityCMS.SignIn;
using CharityCMS.Workspaces;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace CharityCMS.Web.Access;

/// <summary>
/// A Blazor circuit keeps the identity it started with. This checks it against the store at a short
/// interval: when her sign-in was ended elsewhere, or the member was removed, or her roles changed,
/// the circuit is signed out at once, and the page asks her to reload (which picks up her new
/// roles, or none).
/// </summary>
internal sealed class WorkspaceAccessRevalidator(
    ILoggerFactory loggerFactory,
    MemberDirectory directory,
    SignInSessions sessions,
    IOptions<AccessOptions> options) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct)
    {
        if (AccessClaims.SignInSessionId(state.User) is { } session && !await sessions.IsOpenAsync(session, ct)) return false;
        var access = AccessClaims.ToAccess(state.User);
        var objectId = AccessClaims.ObjectId(state.User);
        if (access is null || objectId is null) return true;

        var roles = await directory.CurrentRolesAsync(objectId, access.WorkspaceId, ct);
        return roles is not null && roles.SetEquals(access.Roles);
    }
}
