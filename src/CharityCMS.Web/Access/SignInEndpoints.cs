using System.Security.Claims;
using CharityCMS.Demo;
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

        app.MapPost("/signout", (HttpContext _) => mode.UsesEntra
                ? Results.SignOut(new AuthenticationProperties { RedirectUri = "/signed-out" },
                    [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme])
                : Results.SignOut(new AuthenticationProperties { RedirectUri = "/signed-out" }, [CookieAuthenticationDefaults.AuthenticationScheme]))
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
            app.MapPost("/signin/dev", async ([FromForm] string person, [FromForm] string? returnUrl, HttpContext context) =>
                {
                    var demo = DemoStaff.People.FirstOrDefault(p => p.ObjectId == person);
                    if (demo is null) return Results.BadRequest("Choose one of the demo people listed on the page.");
                    await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, DemoPrincipal(demo));
                    return Results.LocalRedirect(LocalOrHome(returnUrl));
                })
                .AllowAnonymous();
        }
    }

    /// <summary>What Entra would send for this person: object id, email, name and app roles.</summary>
    private static ClaimsPrincipal DemoPrincipal(DemoPerson person)
    {
        var claims = new List<Claim> { new("oid", person.ObjectId), new("preferred_username", person.Email), new("name", person.Name) };
        if (person.IsOperator) claims.Add(new("roles", AccessClaims.OperatorAppRole));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "DemoSignIn", "name", "roles"));
    }

    /// <summary>Only paths on this site: an absolute or protocol-relative URL could send a person anywhere.</summary>
    internal static string LocalOrHome(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
