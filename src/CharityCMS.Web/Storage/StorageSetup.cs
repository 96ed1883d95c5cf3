using CharityCMS.Demo;
using System.Security.Cryptography.X509Certificates;
using CharityCMS.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace CharityCMS.Web.Storage;

public static class StorageSetup
{
    /// <summary>
    /// Marten on the <c>CharityCMS</c> connection string, the committed migrations applied before the
    /// app takes requests, the readiness check, and (Development only, when asked) the demo seed.
    /// </summary>
    public static void AddCharityStore(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("CharityCMS");
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException("ConnectionStrings:CharityCMS is not set. See appsettings.template.json and docs/operations.md.");

        builder.Services.AddCharityDomain(connectionString);
        builder.Services.AddOptions<CharityCMS.Donations.StripeOptions>().BindConfiguration(CharityCMS.Donations.StripeOptions.Section)
            .Validate(o => string.IsNullOrEmpty(o.ApiBase) || Uri.TryCreate(o.ApiBase, UriKind.Absolute, out _), "Stripe:ApiBase must be an absolute address, or empty for Stripe itself.")
            .ValidateOnStart();
        builder.Services.Configure<StorageOptions>(builder.Configuration.GetSection(StorageOptions.Section));
        builder.Services.AddHostedService<StartupMigrations>();
        builder.Services.AddHealthChecks().AddCheck<SchemaReadyCheck>("database", tags: ["ready"]);
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("CharityCMS");
        if (builder.Configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificate)
        {
            // The key ring decrypts sign-in cookies: encrypted at rest, a copy of the database or a
            // backup alone cannot forge one.
            dataProtection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(
                certificate, builder.Configuration["DataProtection:CertificatePassword"]));
        }
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<Marten.IDocumentStore>((options, store) => options.XmlRepository = new MartenXmlRepository(store));
    }

    public static void MapCharityStore(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
    }
}

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Apply the committed SQL in migrations/ at start. Turn off only where a deployment step applies it.</summary>
    public bool ApplyMigrationsAtStart { get; set; } = true;

    /// <summary>Seed the demo workspaces when they are missing. Honoured in Development only.</summary>
    public bool SeedDemo { get; set; }
}

/// <summary>Brings the schema up to date, then seeds the demo if asked, before the server starts listening.</summary>
internal sealed class StartupMigrations(
    SchemaMigrations migrations,
    DemoSeed demo,
    Microsoft.Extensions.Options.IOptions<StorageOptions> options,
    IHostEnvironment environment,
    ILogger<StartupMigrations> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (options.Value.ApplyMigrationsAtStart)
        {
            var applied = await migrations.ApplyAsync(ct);
            logger.LogInformation("Schema migrations applied at start: {Count} ({Names})", applied.Count, string.Join(", ", applied));
        }
        if (options.Value.SeedDemo && environment.IsDevelopment() && await demo.SeedAsync(ct))
            logger.LogInformation("Demo workspaces seeded");
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
