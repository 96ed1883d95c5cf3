using CharityCMS.Web.Access;
using CharityCMS.Web.Grants;
using Microsoft.AspNetCore.HttpOverrides;
using MudBlazor.Services;

namespace CharityCMS.Web.Shell;

public static class ShellSetup
{
    public static void AddCharityShell(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents(options => options.DetailedErrors = false);
        builder.Services.AddMudServices();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in builder.Configuration.GetSection("Hosting:KnownProxies").Get<string[]>() ?? [])
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        });
        builder.Services.AddSingleton<UkTime>();
    }

    /// <summary>
    /// The request pipeline. A friendly error page in every environment (details only in the log),
    /// security headers, authentication and antiforgery.
    /// </summary>
    public static void UseCharityShell(this WebApplication app)
    {
        // Behind a TLS-terminating proxy, the scheme and client address come from X-Forwarded-*,
        // trusted only from the proxies in Hosting:KnownProxies (loopback by default).
        app.UseForwardedHeaders();
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
    }

    public static void MapCharityPages(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapGrantDocuments();
        app.MapRazorComponents<App>()
            // Blazor would add its own frame-ancestors header; ours already says 'none'.
            .AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);
    }
}
