using System.Security.Claims;
using CharityCMS.Grants;
using CharityCMS.Web.Access;

namespace CharityCMS.Web.Grants;

/// <summary>Downloads of a grant's documents. The workspace comes from the signed-in member's claims, as on every page, never from the address.</summary>
public static class GrantDocumentEndpoints
{
    public static string DownloadPath(Guid grantId, Guid fileId) => $"/grants/{grantId}/documents/{fileId}";

    public static void MapGrantDocuments(this WebApplication app)
    {
        app.MapGet("/grants/{grantId:guid}/documents/{fileId:guid}", async (Guid grantId, Guid fileId, ClaimsPrincipal user, HttpContext http, GrantDocuments documents, CancellationToken ct) =>
            {
                if (AccessClaims.ToAccess(user) is not { } access) return Results.Forbid();
                try
                {
                    var (document, content) = await documents.OpenAsync(access, grantId, fileId, ct);
                    // Agreements name people and sums: no copy stays in a shared computer's or a proxy's cache.
                    http.Response.Headers.CacheControl = "no-store";
                    return Results.File(content, document.ContentType, document.FileName);
                }
                catch (Exception e) when (e is GrantNotFoundException or GrantDocumentNotFoundException)
                {
                    return Results.NotFound();
                }
            })
            .RequireAuthorization(Policies.Funding);
    }
}
