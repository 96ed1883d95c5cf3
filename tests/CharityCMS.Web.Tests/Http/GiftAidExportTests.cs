using System.Net;
using System.Text;
using CharityCMS.TestSupport;

namespace CharityCMS.Web.Tests.Http;

/// <summary>The Gift Aid schedule downloads: for fundraisers and admins of the claim's workspace, never cached, never for casework roles.</summary>
public class GiftAidExportTests(RoleMatrixApp app) : IClassFixture<RoleMatrixApp>
{
    private string Path(string format) => $"/giftaid/claims/{app.ClaimId}/schedule.{format}";

    [Theory]
    [InlineData("csv", "text/csv")]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public async Task A_fundraiser_downloads_the_schedule_as_an_attachment_that_is_never_cached(string format, string contentType)
    {
        using var response = await app.ClientFor(app.People["Fundraiser"]).GetAsync(Path(format));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(contentType, response.Content.Headers.ContentType!.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.StartsWith("Gift Aid claim ", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (format == "csv") Assert.Contains($"Ms,Mia,{RoleMatrixApp.DonorLastName},7,LS1 4AB,,,", Encoding.UTF8.GetString(bytes));
        else Assert.StartsWith("PK", Encoding.ASCII.GetString(bytes, 0, 2));
    }

    [Theory]
    [InlineData("Caseworker")]
    [InlineData("Manager")]
    public async Task Casework_roles_get_no_donor_data_from_any_Gift_Aid_address(string who)
    {
        var client = app.ClientFor(app.People[who]);
        foreach (var path in new[] { "/giftaid", "/giftaid/claims/new", $"/giftaid/claims/{app.ClaimId}", Path("csv"), Path("xlsx") })
        {
            var (status, body) = await client.FetchAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.DoesNotContain(RoleMatrixApp.DonorLastName, body);
        }
    }

    [Fact]
    public async Task An_unknown_format_or_claim_is_not_found()
    {
        var fundraiser = app.ClientFor(app.People["Fundraiser"]);
        Assert.Equal(HttpStatusCode.NotFound, (await fundraiser.FetchAsync(Path("pdf"))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await fundraiser.FetchAsync($"/giftaid/claims/{Guid.NewGuid()}/schedule.csv")).Status);
    }
}
