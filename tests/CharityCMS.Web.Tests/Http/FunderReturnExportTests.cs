using System.Net;
using CharityCMS.TestSupport;

namespace CharityCMS.Web.Tests.Http;

/// <summary>The return downloads: for managers of the grant's workspace, in three formats, refusing bad periods with a reason.</summary>
public class FunderReturnExportTests(RoleMatrixApp app) : IClassFixture<RoleMatrixApp>
{
    private string Path(string format, string from = "2026-04-01", string to = "2026-09-30") => $"/grants/{app.GrantId}/return.{format}?from={from}&to={to}";

    [Theory]
    [InlineData("csv", "text/csv", "%PDF")]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK")]
    [InlineData("pdf", "application/pdf", "%PDF")]
    public async Task A_manager_downloads_the_return_as_an_attachment_that_is_never_cached(string format, string contentType, string magic)
    {
        using var response = await app.ClientFor(app.People["Manager"]).GetAsync(Path(format));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(contentType, response.Content.Headers.ContentType!.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"Matrix grant 2026-04-01 to 2026-09-30.{format}", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (format == "csv") Assert.Contains("Matrix grant", System.Text.Encoding.UTF8.GetString(bytes));
        else Assert.StartsWith(magic, System.Text.Encoding.ASCII.GetString(bytes, 0, magic.Length));
        Assert.DoesNotContain(RoleMatrixApp.ClientName, System.Text.Encoding.UTF8.GetString(bytes));
    }

    [Theory]
    [InlineData("Anonymous", HttpStatusCode.Unauthorized)]
    [InlineData("Caseworker", HttpStatusCode.Forbidden)]
    [InlineData("Fundraiser", HttpStatusCode.Forbidden)]
    [InlineData("WorkspaceAdmin", HttpStatusCode.Forbidden)]
    public async Task Nobody_but_a_manager_gets_it(string who, HttpStatusCode expected)
    {
        var (status, _) = await app.ClientFor(app.People[who]).FetchAsync(Path("xlsx"));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("2026-13-01", "2026-09-30", "from=YYYY-MM-DD")]
    [InlineData("", "2026-09-30", "from=YYYY-MM-DD")]
    [InlineData("2025-04-01", "2025-09-30", "within the grant")]
    [InlineData("2026-09-30", "2026-04-01", "on or after")]
    public async Task A_bad_period_is_refused_with_a_reason_and_no_stack_trace(string from, string to, string reason)
    {
        var (status, body) = await app.ClientFor(app.People["Manager"]).FetchAsync(Path("csv", from, to));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(reason, body);
        Assert.DoesNotContain("   at ", body);
    }

    [Fact]
    public async Task An_unknown_format_or_grant_is_not_found()
    {
        var manager = app.ClientFor(app.People["Manager"]);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.FetchAsync(Path("docx"))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.FetchAsync($"/grants/{Guid.NewGuid()}/return.csv?from=2026-04-01&to=2026-09-30")).Status);
    }
}
