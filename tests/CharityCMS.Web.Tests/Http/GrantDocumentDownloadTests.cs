using System.Net;
using CharityCMS.Cases;
using CharityCMS.Grants;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using Microsoft.Extensions.DependencyInjection;

namespace CharityCMS.Web.Tests.Http;

/// <summary>A grant with its agreement attached, the people of its workspace, and a manager of another one.</summary>
public sealed class GrantDocumentApp : CharityApp
{
    public Dictionary<string, TestPerson?> People { get; } = [];
    public byte[] Agreement { get; } = SampleDocuments.Pdf("Matrix agreement");
    public string Path { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var workspace = await WorkspaceAsync("documents", "DOC");
        foreach (var role in new[] { WorkspaceRole.Manager, WorkspaceRole.Caseworker, WorkspaceRole.Fundraiser, WorkspaceRole.WorkspaceAdmin })
            People[role.ToString()] = (await MemberAsync(workspace, $"{role} Person", role)).Person;
        People["OtherManager"] = (await MemberAsync(await WorkspaceAsync("elsewhere", "ELS"), "Elsewhere Manager", WorkspaceRole.Manager)).Person;
        People["Operator"] = TestPerson.Operator();
        People["Anonymous"] = null;
        var manager = await workspace.AccessAsync(WorkspaceRole.Manager);
        var funderId = await Services.GetRequiredService<Funders>().RegisterAsync(manager, new FunderDetails("Matrix Trust", FunderType.Trust, null, null, null, null), default);
        var grantId = await Services.GetRequiredService<GrantTermsHandler>().RecordAsync(manager, new GrantTermsForm(
            funderId, "Matrix grant", null, 10_000m, true, new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31), [CaseService.Idva], null, manager.Member.Id, null), default);
        var grant = await Services.GetRequiredService<GrantDocuments>().AttachAsync(manager, grantId, "Grant agreement 2026 – signed.pdf", GrantDocumentKind.Agreement, new MemoryStream(Agreement), default);
        Path = $"/grants/{grantId}/documents/{grant.Documents.Single().FileId}";
    }
}

public class GrantDocumentDownloadTests(GrantDocumentApp app) : IClassFixture<GrantDocumentApp>
{
    [Fact]
    public async Task A_manager_downloads_the_bytes_as_an_attachment_that_is_not_cached()
    {
        using var response = await app.ClientFor(app.People["Manager"]).GetAsync(app.Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(app.Agreement, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal(("attachment", "Grant agreement 2026 – signed.pdf"), (disposition.DispositionType, disposition.FileNameStar));
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Theory]
    [InlineData("Caseworker", HttpStatusCode.Forbidden)]
    [InlineData("Fundraiser", HttpStatusCode.Forbidden)]
    [InlineData("WorkspaceAdmin", HttpStatusCode.Forbidden)]
    [InlineData("Operator", HttpStatusCode.Forbidden)]
    [InlineData("OtherManager", HttpStatusCode.NotFound)]
    [InlineData("Anonymous", HttpStatusCode.Unauthorized)]
    public async Task Nobody_else_gets_the_file(string who, HttpStatusCode expected)
    {
        using var response = await app.ClientFor(app.People[who]).GetAsync(app.Path);

        Assert.Equal(expected, response.StatusCode);
        Assert.DoesNotContain("Matrix agreement", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_document_is_not_found()
    {
        var unknown = app.Path[..(app.Path.LastIndexOf('/') + 1)] + Guid.NewGuid();

        var (status, _) = await app.ClientFor(app.People["Manager"]).FetchAsync(unknown);

        Assert.Equal(HttpStatusCode.NotFound, status);
    }
}
