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
            // Always true against Entra ID itself; only a local stand-in of it is reached over plain HTTP.
            builder.Services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
                options.RequireHttpsMetadata = builder.Configuration.GetValue("AzureAd:RequireHttpsMetadata", true));
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

    public static void MapCharityAccess(this WebApplication app) => SignInEndpoints.Map(app);
}
