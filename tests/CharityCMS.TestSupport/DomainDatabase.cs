using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CharityCMS.TestSupport;

/// <summary>
/// A database of its own for one test class, migrated from the committed SQL, with the domain's
/// services wired as the app wires them and a clock the test controls.
/// </summary>
public class DomainDatabase : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
    public ServiceProvider Services { get; private set; } = null!;
    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync(GetType().Name);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddCharityDomain(ConnectionString);
        // The web host keeps its key ring in PostgreSQL; here a class's keys live as long as its database.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        ConfigureServices(services);
        Services = services.BuildServiceProvider();
    }

    /// <summary>Replaces or adds services after the domain's own, as a test class needs (a fake reader, settings).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public virtual async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(ConnectionString);
    }
}
