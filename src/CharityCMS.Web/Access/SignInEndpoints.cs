using System.Security.Claims;
using CharityCMS.Demo;
using CharityCMS.SignIn;
using CharityCMS.Workspaces;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;

namespace CharityCMS.Web.Access;

/// <summary>Sign-in and sign-out, written here because Microsoft.Identity.Web.UI is not used.</summary>
internal static class SignInEndpoints
{
    public static void Map(WebApplication app)
    {
        var mode = app.Services.GetRequiredService<SignInMode>();

        app.MapGet("/signin", (string? returnUrl) => mode.UsesEntra
                ? Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme])
                : Results.LocalRedirect($"/signin/dev?returnUrl={Uri.EscapeDataString(LocalOrHome(returnUrl))}"))
            .AllowAnonymous();

        // The form binding makes the endpoint check the antiforgery token: no other site can sign staff out.
        // Ending the sign-in session ends it in every tab and browser, not only this cookie.
        app.MapPost("/signout", async ([FromForm] string? reason, ClaimsPrincipal user, SignInSessions sessions, CancellationToken ct) =>
            {
                if (AccessClaims.SignInSessionId(user) is { } session) await sessions.EndAsync(session, ct);
                var properties = new AuthenticationProperties { RedirectUri = reason == "idle" ? "/signed-out?reason=idle" : "/signed-out" };
                return mode.UsesEntra
                    ? Results.SignOut(properties, [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme])
                    : Results.SignOut(properties, [CookieAuthenticationDefaults.AuthenticationScheme]);
            })
            .RequireAuthorization(Policies.SignedIn);

        // The switcher posts here so the new workspace takes effect on a fresh request and a fresh circuit.
        app.MapPost("/workspace/switch", async ([FromForm] string workspaceId, ClaimsPrincipal user, MemberDirectory directory, CancellationToken ct) =>
            {
                var objectId = AccessClaims.ObjectId(user);
                if (objectId is null || !await directory.ChooseAsync(objectId, workspaceId, ct)) return Results.Forbid();
                return Results.LocalRedirect("/");
            })
            .RequireAuthorization(Policies.SignedIn);

        if (mode.DevelopmentSignIn)
        {
            app.MapPost("/signin/dev", async ([FromForm] string person, [FromForm] string? returnUrl, HttpContext context, SignInSessions sessions) =>
                {
                    var demo = DemoStaff.People.FirstOrDefault(p => p.ObjectId == person);
                    if (demo is null) return Results.BadRequest("Choose one of the demo people listed on the page.");
                    var session = await sessions.StartAsync(demo.ObjectId, context.RequestAborted);
                    await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, DemoPrincipal(demo, session));
                    return Results.LocalRedirect(LocalOrHome(returnUrl));
                })
                .AllowAnonymous();
        }
    }

    /// <summary>What Entra would send for this person: object id, email, name and app roles.</summary>
    private static ClaimsPrincipal DemoPrincipal(DemoPerson person, Guid session)
    {
        var claims = new List<Claim>
        {
            new("oid", person.ObjectId), new("preferred_username", person.Email), new("name", person.Name),
            new(AccessClaims.SignInSession, session.ToString()),
        };
        if (person.IsOperator) claims.Add(new("roles", AccessClaims.OperatorAppRole));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "DemoSignIn", "name", "roles"));
    }

    /// <summary>
    /// Only paths on this site. An absolute or protocol-relative address could send a person anywhere,
    /// and browsers drop tabs and line breaks, so "/\t/evil.example" would become "//evil.example".
    /// </summary>
    internal static string LocalOrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/'
            && (returnUrl.Length == 1 || returnUrl[1] is not ('/' or '\\'))
            && !returnUrl.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
            ? returnUrl
            : "/";
}
