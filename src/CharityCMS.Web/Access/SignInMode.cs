namespace CharityCMS.Web.Access;

/// <summary>
/// How people sign in here: with Entra ID when <c>AzureAd:ClientId</c> is set, otherwise (and only in
/// the Development environment) on the demo sign-in page. Outside Development an app without Entra
/// settings refuses to start, so the demo page can never be reached in production.
/// </summary>
public sealed record SignInMode(bool UsesEntra)
{
    public bool DevelopmentSignIn => !UsesEntra;

    public static SignInMode For(IConfiguration configuration, IHostEnvironment environment)
    {
        var usesEntra = !string.IsNullOrWhiteSpace(configuration["AzureAd:ClientId"]);
        if (!usesEntra && !environment.IsDevelopment())
            throw new InvalidOperationException(
                "AzureAd:ClientId is not set. Outside the Development environment people must sign in with Entra ID: " +
                "set the AzureAd section (see appsettings.template.json and docs/operations.md).");
        return new SignInMode(usesEntra);
    }
}
