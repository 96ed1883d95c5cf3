using System.Net;
using CharityCMS.Audit;
using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CharityCMS.Web.Tests.Http;

public class TenantIsolationTests(CharityApp app) : IClassFixture<CharityApp>
{
    [Fact]
    public async Task A_member_of_one_workspace_opening_another_workspaces_client_or_case_gets_not_found()
    {
        var riverside = await app.WorkspaceAsync();
        var northgate = await app.WorkspaceAsync();
        var (riversideManager, _, _) = await app.MemberAsync(riverside, "Riverside Manager", WorkspaceRole.Manager);
        var northgateWorker = await northgate.AccessAsync(WorkspaceRole.Caseworker);
        var northgateClient = await app.Services.GetRequiredService<RegisterClientHandler>()
            .HandleAsync(northgateWorker, SampleClients.Registration("Northgate Onlyclient"), default);
        var northgateCase = await app.Services.GetRequiredService<OpenCaseHandler>().HandleAsync(northgateWorker,
            new OpenCase(northgateClient.ClientId, CaseService.Isva, null, UkCalendar.Today(TimeProvider.System)), default);
        var client = app.ClientFor(riversideManager);

        foreach (var path in new[] { $"/clients/{northgateClient.ClientId}", $"/clients/{northgateClient.ClientId}/edit", $"/clients/{northgateClient.ClientId}/cases/new", $"/cases/{northgateCase}" })
        {
            var (status, body) = await client.FetchAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.Contains("Not found", body);
            Assert.DoesNotContain("Northgate Onlyclient", body);
        }

        await using var session = app.Store.QuerySession(northgate.Id);
        Assert.Equal(0, await session.Query<AuditEntry>().CountAsync(a => a.SubjectId == northgateClient.ClientId));
    }

    [Fact]
    public async Task An_unknown_address_answers_not_found_with_a_plain_page()
    {
        var workspace = await app.WorkspaceAsync();
        var (person, _, _) = await app.MemberAsync(workspace, "Someone", WorkspaceRole.Caseworker);

        var (status, body) = await app.ClientFor(person).FetchAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Not found", body);
    }
}
