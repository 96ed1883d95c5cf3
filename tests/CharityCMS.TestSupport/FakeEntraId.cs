using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CharityCMS.TestSupport;

/// <summary>
/// The far end of an Entra ID sign-in, on a local port: OpenID Connect discovery, the authorize
/// endpoint (answering with the form_post page Entra sends), the token endpoint (authorization code
/// with PKCE and the client secret), signing keys, and sign-out. Tokens are RS256 JWTs with the
/// claims Entra puts in an ID token. The app's Microsoft.Identity.Web code runs unchanged against it.
/// </summary>
public sealed class FakeEntraId : IAsyncDisposable
{
    public const string TenantId = "7a1c7e9e-4a55-4d55-9b7e-5c1a2b3c4d5e";
    public const string ClientId = "3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    public const string ClientSecret = "test-client-secret-for-the-fake-entra-id";

    private readonly RSA rsa = RSA.Create(2048);
    private readonly RsaSecurityKey signingKey;
    private readonly ConcurrentDictionary<string, PendingCode> codes = new();
    private WebApplication? server;

    /// <summary>Who signs in at the next visit to the authorize endpoint, as an Entra tenant would know her.</summary>
    public TestPerson? NextPerson { get; set; }

    public Uri Instance { get; private set; } = null!;

    /// <summary>The query of the last sign-in request the app sent here.</summary>
    public IReadOnlyDictionary<string, string> LastAuthorizeQuery { get; private set; } = new Dictionary<string, string>();

    private string Issuer => $"{Instance}{TenantId}/v2.0";

    private FakeEntraId() => signingKey = new RsaSecurityKey(rsa) { KeyId = "fake-entra-key-1" };

    public static async Task<FakeEntraId> StartAsync()
    {
        var fake = new FakeEntraId();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        fake.Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.Instance = new Uri(address.TrimEnd('/') + "/");
        fake.server = app;
        return fake;
    }

    /// <summary>The AzureAd settings that point the app at this stand-in.</summary>
    public IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["AzureAd:Instance"] = Instance.ToString(),
        ["AzureAd:TenantId"] = TenantId,
        ["AzureAd:ClientId"] = ClientId,
        ["AzureAd:ClientSecret"] = ClientSecret,
        ["AzureAd:RequireHttpsMetadata"] = "false",
    };

    private void Map(WebApplication app)
    {
        var prefix = $"/{TenantId}";
        app.MapGet($"{prefix}/v2.0/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = $"{Instance}{TenantId}/oauth2/v2.0/authorize",
            ["token_endpoint"] = $"{Instance}{TenantId}/oauth2/v2.0/token",
            ["end_session_endpoint"] = $"{Instance}{TenantId}/oauth2/v2.0/logout",
            ["jwks_uri"] = $"{Instance}{TenantId}/discovery/v2.0/keys",
            ["response_types_supported"] = new[] { "code", "id_token", "code id_token" },
            ["response_modes_supported"] = new[] { "query", "fragment", "form_post" },
            ["subject_types_supported"] = new[] { "pairwise" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["scopes_supported"] = new[] { "openid", "profile", "email", "offline_access" },
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
            ["claims_supported"] = new[] { "sub", "iss", "aud", "exp", "iat", "nonce", "name", "oid", "tid", "preferred_username", "roles" },
            ["tenant_region_scope"] = "EU",
        }));

        app.MapGet($"{prefix}/discovery/v2.0/keys", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(signingKey);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", kid = jwk.Kid, n = jwk.N, e = jwk.E, alg = "RS256" } } });
        });

        app.MapGet($"{prefix}/oauth2/v2.0/authorize", (HttpRequest request) =>
        {
            var query = request.Query;
            if (query["client_id"] != ClientId) return Results.BadRequest("unknown client_id");
            if (NextPerson is not { } person) return Results.BadRequest("no test person is set to sign in");
            LastAuthorizeQuery = query.ToDictionary(q => q.Key, q => q.Value.ToString());
            var responseTypes = query["response_type"].ToString().Split(' ');
            var fields = new Dictionary<string, string>();
            if (responseTypes.Contains("code"))
            {
                var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
                codes[code] = new PendingCode(person, query["nonce"]!, query["redirect_uri"]!, query["code_challenge"]);
                fields["code"] = code;
            }
            if (responseTypes.Contains("id_token")) fields["id_token"] = IdToken(person, query["nonce"]!);
            // Entra's form_post response: a page whose form posts the result back to the app.
            var html = $"""
                <html><body onload="document.forms[0].submit()">
                <form method="post" action="{WebUtility.HtmlEncode(query["redirect_uri"])}">
                {string.Concat(fields.Select(f => $"<input type=\"hidden\" name=\"{f.Key}\" value=\"{f.Value}\" />"))}
                <input type="hidden" name="state" value="{WebUtility.HtmlEncode(query["state"])}" />
                <input type="hidden" name="session_state" value="{Guid.NewGuid()}" />
                </form></body></html>
                """;
            return Results.Content(html, "text/html");
        });

        app.MapPost($"{prefix}/oauth2/v2.0/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["grant_type"] != "authorization_code") return Results.BadRequest(new { error = "unsupported_grant_type" });
            if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret) return Results.BadRequest(new { error = "invalid_client" });
            if (!codes.TryRemove(form["code"].ToString(), out var pending) || pending.RedirectUri != form["redirect_uri"])
                return Results.BadRequest(new { error = "invalid_grant" });
            if (pending.CodeChallenge is { } challenge && challenge != Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))))
                return Results.BadRequest(new { error = "invalid_grant", error_description = "PKCE verification failed" });
            return Results.Json(new
            {
                token_type = "Bearer",
                scope = "openid profile email",
                expires_in = 3600,
                id_token = IdToken(pending.Person, pending.Nonce),
                access_token = IdToken(pending.Person, pending.Nonce),
            });
        });

        app.MapGet($"{prefix}/oauth2/v2.0/logout", (string? post_logout_redirect_uri) =>
            Results.Redirect(post_logout_redirect_uri ?? "/"));
    }

    private string IdToken(TestPerson person, string nonce)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["oid"] = person.ObjectId,
            ["sub"] = "sub-" + person.ObjectId,
            ["tid"] = TenantId,
            ["preferred_username"] = person.Email,
            ["name"] = person.Name,
            ["nonce"] = nonce,
            ["ver"] = "2.0",
        };
        if (person.IsOperator) claims["roles"] = new[] { "Operator" };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            Claims = claims,
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null) await server.DisposeAsync();
        rsa.Dispose();
    }

    private sealed record PendingCode(TestPerson Person, string Nonce, string RedirectUri, string? CodeChallenge);
}
