using System.Net;
using CharityCMS.Workspaces;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CharityCMS.TestSupport;

/// <summary>
/// The real app on a real socket (Kestrel on a free port, in process) over a database of its own,
/// with Entra ID stood in for by <see cref="TestAuthentication"/>. One per test class.
/// </summary>
public class CharityApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";
    public Uri BaseAddress { get; private set; } = null!;
    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    /// <summary>Settings a test class changes before the app starts.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected virtual string Environment => "Development";

    /// <summary>Stand in for Entra ID with <see cref="TestAuthentication"/>; off where a test drives the app's own sign-in.</summary>
    protected virtual bool UseTestSignIn => true;

    /// <summary>Whether the app gets a migrated database of its own (a class testing readiness may want otherwise).</summary>
    protected virtual async Task<string> CreateDatabaseAsync() => await TestPostgres.CreateDatabaseAsync(GetType().Name);

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync();
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("ConnectionStrings:CharityCMS", ConnectionString);
        builder.UseSetting("Jobs:RunServer", "false");
        builder.UseSetting("Access:RevalidationInterval", "00:00:02");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        if (!UseTestSignIn) return;
        builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication(options =>
                {
                    options.DefaultScheme = TestAuthentication.SchemeName;
                    options.DefaultAuthenticateScheme = TestAuthentication.SchemeName;
                    options.DefaultChallengeScheme = TestAuthentication.SchemeName;
                    options.DefaultForbidScheme = TestAuthentication.SchemeName;
                })
                .AddScheme<AuthenticationSchemeOptions, TestAuthentication>(TestAuthentication.SchemeName, null);
        });
    }

    /// <summary>
    /// An HTTP client signed in as <paramref name="person"/> (or nobody) that keeps cookies as a
    /// browser does and does not follow redirects, so tests see each answer.
    /// </summary>
    public HttpClient ClientFor(TestPerson? person)
    {
        var cookies = new CookieContainer();
        if (person is not null) cookies.Add(BaseAddress, new Cookie(TestPerson.CookieName, person.CookieValue));
        return new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = BaseAddress };
    }

    /// <summary>A client that sends only the cookies a test puts on each request itself.</summary>
    public HttpClient RawClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };

    public Task<TestWorkspace> WorkspaceAsync(string? slug = null, string prefix = "TST") => TestWorkspace.CreateAsync(Store, slug, prefix);

    /// <summary>A member of <paramref name="workspace"/> with <paramref name="roles"/>, and the identity to sign in as her.</summary>
    public async Task<(TestPerson Person, Member Member, WorkspaceAccess Access)> MemberAsync(TestWorkspace workspace, string name, params WorkspaceRole[] roles)
    {
        var (member, access) = await workspace.AddMemberAsync(name, roles);
        return (new TestPerson(member.ObjectId!, member.Email, name), member, access);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await TestPostgres.DropDatabaseAsync(ConnectionString);
    }
}
