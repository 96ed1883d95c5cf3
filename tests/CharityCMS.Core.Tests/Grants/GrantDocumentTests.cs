using System.Security.Cryptography;
using CharityCMS.Audit;
using CharityCMS.Clients;
using CharityCMS.Grants;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using Marten;
using Npgsql;

namespace CharityCMS.Core.Tests.Grants;

public class GrantDocumentTests : GrantDatabase
{
    private GrantDocuments Documents => Get<GrantDocuments>();

    private async Task<(Grant Grant, GrantDocumentInfo Document)> AttachAsync(string name = "Agreement.pdf", byte[]? content = null, GrantDocumentKind kind = GrantDocumentKind.Agreement)
    {
        var grant = await RecordAsync();
        grant = await Documents.AttachAsync(Manager, grant.Id, name, kind, new MemoryStream(content ?? SampleDocuments.Pdf()), default);
        return (grant, Assert.Single(grant.Documents));
    }

    [Fact]
    public async Task An_attached_document_opens_with_the_same_bytes_and_is_listed_by_what_the_content_is()
    {
        var pdf = SampleDocuments.Pdf();
        var (grant, document) = await AttachAsync(@"C:\scans\Agreement.pdf", pdf);

        var (opened, content) = await Documents.OpenAsync(Manager, grant.Id, document.FileId, default);

        Assert.Equal(pdf, content);
        Assert.Equal(("Agreement.pdf", GrantDocumentKind.Agreement, "application/pdf", pdf.LongLength), (opened.FileName, opened.Kind, opened.ContentType, opened.Size));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), opened.Sha256);
        Assert.Equal("Grace Manager", opened.AddedBy.Name);
    }

    [Fact]
    public async Task Each_download_is_in_the_audit_trail_with_the_file_name_and_kind()
    {
        var (grant, document) = await AttachAsync();

        await Documents.OpenAsync(Manager, grant.Id, document.FileId, default);

        await using var session = Store.QuerySession(Workspace.Id);
        var entry = Assert.Single(await session.Query<AuditEntry>().Where(a => a.Action == AuditAction.GrantDocumentDownloaded).ToListAsync());
        Assert.Equal((grant.Id, Manager.Member.Id, "Agreement.pdf (Grant agreement)"), (entry.SubjectId, entry.ActorId, entry.Detail));
    }

    [Fact]
    public async Task When_the_audit_write_fails_the_bytes_are_not_given()
    {
        var (grant, document) = await AttachAsync();
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var sabotage = new NpgsqlCommand("""
                create function cms.refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'audit store unavailable'; end $$;
                create trigger refuse_audit before insert on cms.mt_doc_auditentry for each row execute function cms.refuse_audit();
                """, connection);
            await sabotage.ExecuteNonQueryAsync();
        }

        await Assert.ThrowsAsync<AuditUnavailableException>(() => Documents.OpenAsync(Manager, grant.Id, document.FileId, default));
    }

    [Fact]
    public async Task A_file_that_is_not_a_document_is_refused_and_nothing_is_stored()
    {
        var grant = await RecordAsync();

        var refused = await Assert.ThrowsAsync<GrantRuleException>(() =>
            Documents.AttachAsync(Manager, grant.Id, "notes.txt", GrantDocumentKind.Other, new MemoryStream(SampleDocuments.Text()), default));

        Assert.Equal(DocumentTypes.NotADocument, refused.Message);
        Assert.Empty((await Grants.GetAsync(Manager, grant.Id, default)).Documents);
        await using var session = Store.QuerySession(Workspace.Id);
        Assert.Equal(0, await session.Query<GrantFile>().CountAsync());
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_without_reading_all_of_it()
    {
        var grant = await RecordAsync();
        var endless = new EndlessPdf();

        var refused = await Assert.ThrowsAsync<GrantRuleException>(() => Documents.AttachAsync(Manager, grant.Id, "huge.pdf", GrantDocumentKind.Other, endless, default));

        Assert.Equal(DocumentTypes.TooLarge, refused.Message);
        Assert.Equal(GrantDocuments.MaxBytes + 1, endless.Position);
    }

    [Fact]
    public async Task Documents_are_for_managers_only()
    {
        var (grant, document) = await AttachAsync();
        var fundraiser = await Workspace.AccessAsync(WorkspaceRole.Fundraiser);

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Documents.AttachAsync(Caseworker, grant.Id, "a.pdf", GrantDocumentKind.Other, new MemoryStream(SampleDocuments.Pdf()), default));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Documents.OpenAsync(Caseworker, grant.Id, document.FileId, default));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Documents.OpenAsync(fundraiser, grant.Id, document.FileId, default));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Documents.RemoveAsync(Caseworker, grant.Id, document.FileId, default));
    }

    [Fact]
    public async Task A_manager_of_another_workspace_cannot_open_the_document()
    {
        var (grant, document) = await AttachAsync();
        var elsewhere = await (await TestWorkspace.CreateAsync(Store, "elsewhere", "ELS")).AccessAsync(WorkspaceRole.Manager);

        await Assert.ThrowsAsync<GrantNotFoundException>(() => Documents.OpenAsync(elsewhere, grant.Id, document.FileId, default));
    }

    [Fact]
    public async Task A_document_is_opened_only_through_its_own_grant()
    {
        var (_, document) = await AttachAsync();
        var other = await RecordAsync();

        await Assert.ThrowsAsync<GrantDocumentNotFoundException>(() => Documents.OpenAsync(Manager, other.Id, document.FileId, default));
    }

    [Fact]
    public async Task Removing_a_document_deletes_its_bytes()
    {
        var (grant, document) = await AttachAsync();

        grant = await Documents.RemoveAsync(Manager, grant.Id, document.FileId, default);

        Assert.Empty(grant.Documents);
        await using var session = Store.QuerySession(Workspace.Id);
        Assert.Null(await session.LoadAsync<GrantFile>(document.FileId));
        await Assert.ThrowsAsync<GrantDocumentNotFoundException>(() => Documents.OpenAsync(Manager, grant.Id, document.FileId, default));
    }

    [Fact]
    public async Task A_return_is_marked_sent_with_one_of_the_grants_documents_and_that_file_then_stays()
    {
        var (grant, document) = await AttachAsync("Q1 return.docx", SampleDocuments.Docx(), GrantDocumentKind.Return);
        grant = await Planning.SetDeadlineAsync(Manager, new SetReportingDeadline(grant.Id, null, "Q1 return", new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30), new DateOnly(2026, 7, 31)), default);
        var deadline = Assert.Single(grant.Deadlines).Id;

        var stranger = await Assert.ThrowsAsync<GrantRuleException>(() =>
            Planning.SubmitReturnAsync(Manager, new SubmitReturn(grant.Id, deadline, new DateOnly(2026, 7, 20), null, Guid.NewGuid()), default));
        grant = await Planning.SubmitReturnAsync(Manager, new SubmitReturn(grant.Id, deadline, new DateOnly(2026, 7, 20), null, document.FileId), default);

        Assert.Equal("The file sent must be one of this grant's documents.", stranger.Message);
        Assert.Equal(document.FileId, Assert.Single(grant.Deadlines).Submitted?.FileId);
        await Assert.ThrowsAsync<GrantRuleException>(() => Documents.RemoveAsync(Manager, grant.Id, document.FileId, default));
    }

    [Fact]
    public async Task The_history_names_each_document_attached_and_removed()
    {
        var (grant, document) = await AttachAsync("Agreement.pdf");
        await Documents.RemoveAsync(Manager, grant.Id, document.FileId, default);

        var history = await Grants.HistoryAsync(Manager, grant.Id, default);

        Assert.Equal(
            [("Document removed", "Agreement.pdf (Grant agreement)"), ("Document attached", "Agreement.pdf (Grant agreement)")],
            history.Take(2).Select(h => (h.What, h.Detail)));
    }

    /// <summary>A PDF that never ends: shows how much of an upload is read before it is refused.</summary>
    private sealed class EndlessPdf : Stream
    {
        private static readonly byte[] Header = SampleDocuments.Pdf();
        private long position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (var i = 0; i < count; i++) buffer[offset + i] = position + i < Header.Length ? Header[position + i] : (byte)' ';
            position += count;
            return count;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
