using System.Net;
using CharityCMS.Demo;
using CharityCMS.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CharityCMS.Web.Tests.Http;

/// <summary>The app's own development sign-in, driven over HTTP as a browser would.</summary>
public sealed class DevSignInApp : CharityApp
{
    protected override bool UseTestSignIn => false;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Services.GetRequiredService<DemoSeed>().SeedWorkspacesAndStaffAsync(CancellationToken.None);
    }
}

public class DevelopmentSignInTests(DevSignInApp app) : IClassFixture<DevSignInApp>
{
    [Fact]
    public async Task The_sign_in_page_lists_one_demo_person_per_role_per_demo_workspace()
    {
        var (status, body) = await app.RawClient().FetchAsync("/signin/dev");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.All(DemoStaff.People, person => Assert.Contains(person.Name, body));
        Assert.Contains("Riverside Women&#x27;s Aid", body);
        Assert.Contains("Northgate Rape Crisis Centre", body);
    }

    [Fact]
    public async Task One_click_signs_in_with_an_http_only_same_site_cookie_and_the_store_gives_the_workspace()
    {
        var client = app.RawClient();
        using var page = await client.GetAsync("/signin/dev");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["person"] = "demo-grace.okoro",
            ["returnUrl"] = "/clients",
            ["__RequestVerificationToken"] = HttpExchange.AntiforgeryToken(await page.Content.ReadAsStringAsync()),
        });
        using var post = new HttpRequestMessage(HttpMethod.Post, "/signin/dev") { Content = form };
        post.Headers.Add("Cookie", HttpExchange.CookiesFrom(page));

        using var signedIn = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/clients", signedIn.Headers.Location!.OriginalString);
        var sessionCookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("charitycms.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", sessionCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", sessionCookie, StringComparison.OrdinalIgnoreCase);

        using var clients = new HttpRequestMessage(HttpMethod.Get, "/clients");
        clients.Headers.Add("Cookie", HttpExchange.CookiesFrom(signedIn));
        using var list = await client.SendAsync(clients);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("Riverside Women&#x27;s Aid", await list.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Signing_out_ends_the_sign_in_everywhere_so_the_same_cookie_no_longer_works()
    {
        var client = app.RawClient();
        var cookies = await SignInAsync(client, "demo-hannah.price");
        var (status, _) = await GetWithAsync(client, "/clients", cookies);
        Assert.Equal(HttpStatusCode.OK, status);

        var (_, page) = await GetWithAsync(client, "/access-denied", cookies);

        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/signout")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = HttpExchange.AntiforgeryToken(page.Body) }),
        };
        signOut.Headers.Add("Cookie", cookies + "; " + page.Cookies);
        using var signedOut = await client.SendAsync(signOut);
        Assert.Equal("/signed-out", signedOut.Headers.Location!.OriginalString);

        // Another tab (or a copied cookie) still holds the old cookie: it is refused.
        var (after, _) = await GetWithAsync(client, "/clients", cookies);
        Assert.Equal(HttpStatusCode.Redirect, after);
    }

    [Fact]
    public async Task Signing_out_without_the_antiforgery_token_is_refused()
    {
        var client = app.RawClient();
        var cookies = await SignInAsync(client, "demo-hannah.price");
        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/signout") { Content = new FormUrlEncodedContent([]) };
        signOut.Headers.Add("Cookie", cookies);

        using var response = await client.SendAsync(signOut);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetWithAsync(client, "/clients", cookies)).Status);
    }

    private static async Task<string> SignInAsync(HttpClient client, string person)
    {
        using var page = await client.GetAsync("/signin/dev");
        using var post = new HttpRequestMessage(HttpMethod.Post, "/signin/dev")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["person"] = person,
                ["__RequestVerificationToken"] = HttpExchange.AntiforgeryToken(await page.Content.ReadAsStringAsync()),
            }),
        };
        post.Headers.Add("Cookie", HttpExchange.CookiesFrom(page));
        using var signedIn = await client.SendAsync(post);
        return HttpExchange.CookiesFrom(signedIn);
    }

    private static async Task<(HttpStatusCode Status, (string Body, string Cookies) Page)> GetWithAsync(HttpClient client, string path, string cookies)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookies);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, (await response.Content.ReadAsStringAsync(), HttpExchange.CookiesFrom(response)));
    }

    [Fact]
    public async Task A_sign_in_without_the_antiforgery_token_is_refused()
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["person"] = "demo-grace.okoro" });
        using var response = await app.RawClient().PostAsync("/signin/dev", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("charitycms.session", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    public async Task A_return_address_off_this_site_is_replaced_by_the_home_page(string returnUrl)
    {
        var client = app.RawClient();
        using var page = await client.GetAsync("/signin/dev");
        using var post = new HttpRequestMessage(HttpMethod.Post, "/signin/dev")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["person"] = "demo-hannah.price",
                ["returnUrl"] = returnUrl,
                ["__RequestVerificationToken"] = HttpExchange.AntiforgeryToken(await page.Content.ReadAsStringAsync()),
            }),
        };
        post.Headers.Add("Cookie", HttpExchange.CookiesFrom(page));

        using var response = await client.SendAsync(post);

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}

/// <summary>
/// The app as deployed: Production, signing in with Entra ID through Microsoft.Identity.Web, against
/// <see cref="FakeEntraId"/> at the HTTP boundary, behind a TLS proxy (X-Forwarded-Proto: https).
/// </summary>
public sealed class ProductionApp : CharityApp
{
    public FakeEntraId Entra { get; private set; } = null!;

    protected override string Environment => "Production";
    protected override bool UseTestSignIn => false;
    private readonly string certificatePath = Path.Combine(Path.GetTempPath(), $"charitycms-keys-{Guid.NewGuid():N}.pfx");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(Entra.Settings)
    {
        ["DataProtection:CertificatePath"] = certificatePath,
        ["DataProtection:CertificatePassword"] = "test-certificate-password",
    };

    public override async Task InitializeAsync()
    {
        Entra = await FakeEntraId.StartAsync();
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=CharityCMS key ring (test)", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        await File.WriteAllBytesAsync(certificatePath, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "test-certificate-password"));
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Entra.DisposeAsync();
        File.Delete(certificatePath);
    }

    /// <summary>A client that talks to the app as the TLS proxy in front of it would.</summary>
    public HttpClient ProxiedClient()
    {
        var client = RawClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return client;
    }

    /// <summary>
    /// Signs <paramref name="person"/> in the way a browser does: the app redirects to Entra, Entra
    /// posts a code back, the app redeems it. Returns the cookies of the signed-in session.
    /// </summary>
    public async Task<string> SignInAsync(HttpClient client, TestPerson person, string path = "/")
    {
        using var challenge = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Entra.NextPerson = person;
        var authorizePage = await new HttpClient().GetStringAsync(challenge.Headers.Location);
        var form = System.Text.RegularExpressions.Regex.Matches(authorizePage, "name=\"(\\w+)\" value=\"([^\"]*)\"")
            .ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));

        using var callback = new HttpRequestMessage(HttpMethod.Post, "/signin-oidc") { Content = new FormUrlEncodedContent(form) };
        callback.Headers.Add("Cookie", HttpExchange.CookiesFrom(challenge));
        using var signedIn = await client.SendAsync(callback);
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"sign-in callback answered {signedIn.StatusCode}: {await signedIn.Content.ReadAsStringAsync()}");
        LastSessionCookie = signedIn.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("charitycms.session", StringComparison.Ordinal));
        return HttpExchange.CookiesFrom(signedIn);
    }

    public string LastSessionCookie { get; private set; } = "";
}

public class ProductionSignInTests(ProductionApp app) : IClassFixture<ProductionApp>
{
    [Fact]
    public async Task The_development_sign_in_page_and_endpoint_do_not_exist_in_production()
    {
        var client = app.ProxiedClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.FetchAsync("/signin/dev")).Status);
        using var post = await client.PostAsync("/signin/dev", new FormUrlEncodedContent(new Dictionary<string, string> { ["person"] = "demo-sam.taylor" }));
        Assert.False(post.IsSuccessStatusCode, $"got {post.StatusCode}");
        Assert.False(post.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("charitycms.session", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_page_sends_an_anonymous_visitor_to_Entra_ID_to_sign_in()
    {
        using var response = await app.ProxiedClient().GetAsync("/clients");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith($"{app.Entra.Instance}{FakeEntraId.TenantId}/oauth2/v2.0/authorize", location);
        Assert.Contains($"client_id={FakeEntraId.ClientId}", location);
        Assert.Contains("response_type=code", location);
        Assert.Contains("code_challenge_method=S256", location);
    }

    [Fact]
    public async Task An_invited_person_signs_in_with_Entra_claims_her_invitation_by_email_and_reaches_client_records()
    {
        var workspace = await app.WorkspaceAsync();
        var admin = await workspace.AccessAsync(CharityCMS.Workspaces.WorkspaceRole.WorkspaceAdmin);
        await app.Services.GetRequiredService<CharityCMS.Workspaces.InviteMemberHandler>().HandleAsync(admin,
            new CharityCMS.Workspaces.InviteMember("new.idva@charity.example", "New Idva", [CharityCMS.Workspaces.WorkspaceRole.Caseworker]), default);
        var client = app.ProxiedClient();

        var cookies = await app.SignInAsync(client, new TestPerson("entra-oid-new-idva", "New.Idva@charity.example", "New Idva"), "/clients");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/clients");
        request.Headers.Add("Cookie", cookies);
        using var clients = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, clients.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(workspace.Name), await clients.Content.ReadAsStringAsync());
        var roles = await app.Services.GetRequiredService<CharityCMS.Workspaces.MemberDirectory>().CurrentRolesAsync("entra-oid-new-idva", workspace.Id, default);
        Assert.Equal([CharityCMS.Workspaces.WorkspaceRole.Caseworker], roles!);
    }

    [Fact]
    public async Task The_session_cookie_from_an_Entra_sign_in_is_secure_http_only_and_same_site_lax()
    {
        await app.SignInAsync(app.ProxiedClient(), TestPerson.Operator());

        Assert.Contains("secure", app.LastSessionCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", app.LastSessionCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", app.LastSessionCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_key_ring_that_protects_cookies_is_stored_encrypted_with_the_configured_certificate()
    {
        await app.SignInAsync(app.ProxiedClient(), TestPerson.Operator());

        await using var session = app.Store.QuerySession();
        var keys = await Marten.QueryableExtensions.ToListAsync(session.Query<CharityCMS.Storage.DataProtectionKey>());
        Assert.NotEmpty(keys);
        Assert.All(keys, key =>
        {
            Assert.Contains("EncryptedData", key.Xml);
            Assert.DoesNotContain("<value>", key.Xml);
        });
    }

    [Fact]
    public async Task The_Operator_app_role_in_the_token_opens_the_platform_pages_and_nothing_of_a_workspace()
    {
        var client = app.ProxiedClient();
        var cookies = await app.SignInAsync(client, TestPerson.Operator());

        async Task<HttpStatusCode> Get(string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", cookies);
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await Get("/platform/workspaces"));
        Assert.Equal("code", app.Entra.LastAuthorizeQuery["response_type"]);
        Assert.Equal(HttpStatusCode.Redirect, await Get("/clients"));
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_signs_out_of_Entra_too()
    {
        var client = app.ProxiedClient();
        var cookies = await app.SignInAsync(client, TestPerson.Operator());
        using var page = new HttpRequestMessage(HttpMethod.Get, "/access-denied");
        page.Headers.Add("Cookie", cookies);
        using var pageResponse = await client.SendAsync(page);
        var html = await pageResponse.Content.ReadAsStringAsync();

        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/signout")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = HttpExchange.AntiforgeryToken(html) }),
        };
        signOut.Headers.Add("Cookie", cookies + "; " + HttpExchange.CookiesFrom(pageResponse));
        using var response = await client.SendAsync(signOut);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"{app.Entra.Instance}{FakeEntraId.TenantId}/oauth2/v2.0/logout", response.Headers.Location!.ToString());
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("charitycms.session=;", StringComparison.Ordinal));
    }
}

public class ProductionWithoutEntraTests
{
    [Fact]
    public void The_app_refuses_to_start_outside_Development_without_Entra_ID_settings()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:CharityCMS", "Host=127.0.0.1;Port=1;Database=none");
        });

        var refused = Assert.ThrowsAny<Exception>(() => factory.Server);
        Assert.Contains("AzureAd:ClientId is not set", refused.GetBaseException().Message);
    }
}
