using System.Globalization;
using CharityCMS.Grants;
using CharityCMS.Grants.Returns;
using CharityCMS.Web.Access;

namespace CharityCMS.Web.Grants;

/// <summary>
/// Downloads of a funder return as CSV, XLSX or PDF: the same published return the page shows
/// (computed, suppressed, shaped by the funder's template), for managers, in their own workspace only.
/// The address holds the grant's id and the period, nothing about anyone.
/// </summary>
public static class FunderReturnExports
{
    private static readonly Dictionary<string, (string ContentType, Func<FunderReturn, byte[]> Write)> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["csv"] = ("text/csv; charset=utf-8", ReturnCsv.Write),
        ["xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ReturnWorkbook.Write),
        ["pdf"] = ("application/pdf", ReturnPdf.Write),
    };

    public static void MapFunderReturnExports(this IEndpointRouteBuilder app) =>
        app.MapGet("/grants/{grantId:guid}/return.{format}", ExportAsync).RequireAuthorization(Policies.Funding);

    private static async Task<IResult> ExportAsync(HttpContext http, Guid grantId, string format, string? from, string? to, FunderReturns returns, CancellationToken ct)
    {
        if (!Formats.TryGetValue(format, out var writer)) return Results.NotFound();
        if (AccessClaims.ToAccess(http.User) is not { } access) return Results.Forbid();
        if (!TryDay(from, out var start) || !TryDay(to, out var end))
            return Results.Problem("Give the period as from=YYYY-MM-DD and to=YYYY-MM-DD.", statusCode: StatusCodes.Status400BadRequest);
        try
        {
            var published = await returns.PublishAsync(access, grantId, start, end, ct);
            http.Response.Headers.CacheControl = "no-store";
            return Results.File(writer.Write(published), writer.ContentType, FileName(published, format));
        }
        catch (GrantNotFoundException)
        {
            return Results.NotFound();
        }
        catch (GrantRuleException rule)
        {
            return Results.Problem(rule.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static bool TryDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    /// <summary>"IDVA service 2026-04-01 to 2026-06-30.xlsx": the grant and the period, in characters every system accepts.</summary>
    public static string FileName(FunderReturn published, string format)
    {
        var title = new string(published.GrantTitle.Select(c => char.IsLetterOrDigit(c) || c is ' ' or '-' ? c : ' ').ToArray()).Trim();
        if (title.Length > 80) title = title[..80].TrimEnd();
        return string.Create(CultureInfo.InvariantCulture, $"{title} {published.From:yyyy-MM-dd} to {published.To:yyyy-MM-dd}.{format.ToLowerInvariant()}");
    }
}
