using System.Security.Cryptography;
using CharityCMS.Audit;
using CharityCMS.Clients;
using CharityCMS.Workspaces;
using Marten;

namespace CharityCMS.Grants;

/// <summary>What a document on a grant is, as the funder would see it.</summary>
public enum GrantDocumentKind
{
    Agreement,
    Return,
    Correspondence,
    Other,
}

public static class GrantDocumentKinds
{
    public static string Title(this GrantDocumentKind kind) => kind switch
    {
        GrantDocumentKind.Agreement => "Grant agreement",
        GrantDocumentKind.Return => "Return sent",
        GrantDocumentKind.Correspondence => "Correspondence",
        _ => "Other",
    };
}

/// <summary>A document on a grant, as the grant lists it. The bytes are the <see cref="GrantFile"/> with id <see cref="FileId"/>.</summary>
public sealed record GrantDocumentInfo(Guid FileId, string FileName, GrantDocumentKind Kind, string ContentType, long Size, string Sha256, StaffMember AddedBy, DateTimeOffset AddedAt);

/// <summary>The bytes of one grant document, in the grant's workspace. Apart from the grant so lists never load them.</summary>
public sealed record GrantFile(Guid Id, Guid GrantId, byte[] Content);

/// <summary>
/// The grant agreement, returns sent and letters, kept with the grant in PostgreSQL. Managers only.
/// Every download is audited before the bytes leave.
/// </summary>
public sealed class GrantDocuments(IDocumentStore store, GrantStreams streams, TimeProvider clock)
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int MaxPerGrant = 100;

    /// <summary>Checks the file by its content and attaches it; a refusal comes back as <see cref="GrantRuleException"/> with the reason.</summary>
    public async Task<Grant> AttachAsync(WorkspaceAccess access, Guid grantId, string fileName, GrantDocumentKind kind, Stream content, CancellationToken ct)
    {
        access.Require(WorkspaceRole.Manager, "change grants");
        var bytes = await ReadAtMostAsync(content, MaxBytes + 1, ct);
        var name = DocumentTypes.SafeFileName(fileName);
        var check = DocumentTypes.Check(name, bytes);
        if (check.Refusal is { } refusal) throw new GrantRuleException(refusal);
        var fileId = Guid.NewGuid();
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return await streams.AppendAsync(access, grantId, null,
            d => GrantDecisions.AttachDocument(d, fileId, name, kind, check.ContentType!, bytes.Length, sha256),
            session => session.Insert(new GrantFile(fileId, grantId, bytes)), ct);
    }

    public Task<Grant> RemoveAsync(WorkspaceAccess access, Guid grantId, Guid fileId, CancellationToken ct) =>
        streams.AppendAsync(access, grantId, null, d => GrantDecisions.RemoveDocument(d, fileId), session => session.Delete<GrantFile>(fileId), ct);

    /// <summary>The document and its bytes, once the download is in the audit trail.</summary>
    public async Task<(GrantDocumentInfo Document, byte[] Content)> OpenAsync(WorkspaceAccess access, Guid grantId, Guid fileId, CancellationToken ct)
    {
        access.Require(WorkspaceRole.Manager, "see grants");
        await using var session = store.LightweightSession(access.WorkspaceId);
        var grant = await session.LoadAsync<Grant>(grantId, ct) is { IsDeleted: false } live ? live : throw new GrantNotFoundException();
        var document = grant.Documents.Find(d => d.FileId == fileId) ?? throw new GrantDocumentNotFoundException();
        var file = await session.LoadAsync<GrantFile>(fileId, ct) is { } stored && stored.GrantId == grantId ? stored : throw new GrantDocumentNotFoundException();
        await ClientRecords.CommitAuditAsync(session,
            AuditEntry.By(access.Member, access.WorkspaceId, AuditAction.GrantDocumentDownloaded, grantId, clock.GetUtcNow(), $"{document.FileName} ({document.Kind.Title()})"), ct);
        return (document, file.Content);
    }

    private static async Task<byte[]> ReadAtMostAsync(Stream content, int limit, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = await content.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), ct)) > 0)
            buffer.Write(chunk, 0, read);
        return buffer.ToArray();
    }
}
