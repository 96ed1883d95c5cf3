using System.Security.Claims;
using CharityCMS.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CharityCMS.Web.Access;

public static class AccessSetup
{
    public static void AddCharityAccess(this WebApplicationBuilder builder)
    {
        var mode = SignInMode.For(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(mode);
        builder.Services.Configure<AccessOptions>(builder.Configuration.GetSection(AccessOptions.Section));

        if (mode.UsesEntra)
        {
            builder.Services.AddAuthentication(OpenIdConnectDefaults.AuthenticationScheme)
                .AddMicrosoftIdentityWebApp(options =>
                {
                    builder.Configuration.GetSection("AzureAd").Bind(options);
                    options.TokenValidationParameters.RoleClaimType = "roles";
                    // Authorization code flow (with PKCE and the client secret): no token passes through the browser.
                    options.ResponseType = OpenIdConnectResponseType.Code;
                    // Single tenant: only tokens issued by the charity platform's own Entra tenant are accepted.
                    options.TokenValidationParameters.ValidIssuer = $"{options.Instance.TrimEnd('/')}/{options.TenantId}/v2.0";
                });
            builder.Services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
            {
                // Always true against Entra ID itself; only a local stand-in of it is reached over plain HTTP.
                options.RequireHttpsMetadata = builder.Configuration.GetValue("AzureAd:RequireHttpsMetadata", true);
                var validated = options.Events.OnTokenValidated;
                options.Events.OnTokenValidated = async context =>
                {
                    await validated(context);
                    await StartSignInSessionAsync(context.HttpContext, context.Principal);
                };
            });
        }
        else
        {
            builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        }

        var secureCookies = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        builder.Services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, options =>
        {
            options.Cookie.Name = "charitycms.session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = secureCookies;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = builder.Configuration.GetSection(AccessOptions.Section).Get<AccessOptions>()?.SessionIdleTimeout ?? new AccessOptions().SessionIdleTimeout;
            options.LoginPath = "/signin";
            options.AccessDeniedPath = "/access-denied";
            // A cookie whose sign-in was ended (signed out in another tab, or for inactivity) is refused.
            options.Events.OnValidatePrincipal = async context =>
            {
                var session = context.Principal is null ? null : AccessClaims.SignInSessionId(context.Principal);
                var sessions = context.HttpContext.RequestServices.GetRequiredService<SignInSessions>();
                if (session is null || !await sessions.IsOpenAsync(session.Value, context.HttpContext.RequestAborted))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                }
            };
        });
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "charitycms.antiforgery";
            options.Cookie.SecurePolicy = secureCookies;
        });

        builder.Services.AddTransient<IClaimsTransformation, WorkspaceClaimsTransformation>();
        builder.Services.AddAuthorization(Policies.Add);
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, WorkspaceAccessRevalidator>();
        builder.Services.AddScoped<CurrentAccess>();
    }

    public static void MapCharityAccess(this WebApplication app)
    {
        if (app.Services.GetRequiredService<SignInMode>().DevelopmentSignIn)
            app.Logger.LogWarning("Development sign-in is on: anyone who can reach this address can sign in as a demo person. Never expose it.");
        SignInEndpoints.Map(app);
    }

    private static async Task StartSignInSessionAsync(HttpContext context, ClaimsPrincipal? principal)
    {
        if (principal?.Identity is not ClaimsIdentity identity || AccessClaims.ObjectId(principal) is not { } objectId) return;
        var session = await context.RequestServices.GetRequiredService<SignInSessions>().StartAsync(objectId, context.RequestAborted);
        identity.AddClaim(new Claim(AccessClaims.SignInSession, session.ToString()));
    }
}
