using CharityCMS.TestSupport;

namespace CharityCMS.Web.Tests.Http;

public class SecurityHeadersTests(CharityApp app) : IClassFixture<CharityApp>
{
    [Theory]
    [InlineData("/signin/dev")]
    [InlineData("/")]
    [InlineData("/no-such-page")]
    public async Task Every_page_carries_the_security_headers_and_is_never_cached(string path)
    {
        using var response = await app.ClientFor(null).GetAsync(path);
        var headers = response.Headers;

        var csp = headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("script-src 'self' 'unsafe", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Equal("nosniff", headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("no-store", headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task Static_assets_keep_their_own_caching_header()
    {
        using var response = await app.ClientFor(null).GetAsync("/_content/MudBlazor/MudBlazor.min.css");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.CacheControl);
        Assert.False(response.Headers.CacheControl.NoStore);
    }

    [Fact]
    public async Task Blazor_adds_no_second_content_security_policy()
    {
        using var response = await app.ClientFor(null).GetAsync("/signin/dev");
        Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
    }

    [Fact]
    public async Task The_page_shell_loads_no_inline_script()
    {
        var (_, body) = await app.ClientFor(null).FetchAsync("/signin/dev");
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", body);
    }
}
