using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CharityCMS.TestSupport;

/// <summary>
/// Stands in for Entra ID at the edge: turns a test cookie into the claims an Entra sign-in gives
/// (object id, email, name, app roles). Everything after that, the store lookup of workspace and
/// roles, the policies, the revalidation, is the production code.
/// </summary>
public sealed class TestAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Cookies.TryGetValue(TestPerson.CookieName, out var value) || TestPerson.FromCookie(value) is not { } person)
            return Task.FromResult(AuthenticateResult.NoResult());

        var claims = new List<Claim> { new("oid", person.ObjectId), new("preferred_username", person.Email), new("name", person.Name) };
        if (person.IsOperator) claims.Add(new Claim("roles", "Operator"));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, "name", "roles"));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
