using CharityCMS.Donations.GiftAid;
using CharityCMS.Web.Access;

namespace CharityCMS.Web.Donations;

/// <summary>
/// Downloads of a claim's HMRC schedule as CSV or XLSX, for fundraisers and workspace admins, in their
/// own workspace only. The address holds the claim's id, nothing about any donor.
/// </summary>
public static class GiftAidExports
{
    private static readonly Dictionary<string, (string ContentType, Func<GiftAidClaim, byte[]> Write)> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["csv"] = (GiftAidScheduleFiles.CsvContentType, GiftAidScheduleFiles.Csv),
        ["xlsx"] = (GiftAidScheduleFiles.XlsxContentType, GiftAidScheduleFiles.Xlsx),
    };

    public static string Link(Guid claimId, string format) => $"/giftaid/claims/{claimId}/schedule.{format}";

    public static void MapGiftAidExports(this IEndpointRouteBuilder app) =>
        app.MapGet("/giftaid/claims/{claimId:guid}/schedule.{format}", ExportAsync).RequireAuthorization(Policies.Fundraising);

    private static async Task<IResult> ExportAsync(HttpContext http, Guid claimId, string format, GiftAidClaims claims, CancellationToken ct)
    {
        if (!Formats.TryGetValue(format, out var writer)) return Results.NotFound();
        if (AccessClaims.ToAccess(http.User) is not { } access) return Results.Forbid();
        try
        {
            var claim = await claims.LoadAsync(access, claimId, ct);
            if (claim.Status == ClaimStatus.Discarded) return Results.NotFound();
            http.Response.Headers.CacheControl = "no-store";
            return Results.File(writer.Write(claim), writer.ContentType, GiftAidScheduleFiles.FileName(claim, format.ToLowerInvariant()));
        }
        catch (GiftAidClaimNotFoundException)
        {
            return Results.NotFound();
        }
    }
}
