using System.Net;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using Microsoft.Extensions.DependencyInjection;

namespace CharityCMS.Web.Tests.Http;

public class WorkspaceSwitchTests(CharityApp app) : IClassFixture<CharityApp>
{
    private static async Task<HttpResponseMessage> SwitchAsync(HttpClient client, string workspaceId, bool withToken = true)
    {
        using var page = await client.GetAsync("/access-denied");
        var form = new Dictionary<string, string> { ["workspaceId"] = workspaceId };
        if (withToken) form["__RequestVerificationToken"] = HttpExchange.AntiforgeryToken(await page.Content.ReadAsStringAsync());
        return await client.PostAsync("/workspace/switch", new FormUrlEncodedContent(form));
    }

    [Fact]
    public async Task A_member_switches_to_another_of_her_workspaces_and_the_next_page_is_in_it()
    {
        var first = await app.WorkspaceAsync();
        var second = await app.WorkspaceAsync();
        var (person, member, _) = await app.MemberAsync(first, "Two Places", WorkspaceRole.Caseworker);
        await app.Services.GetRequiredService<InviteMemberHandler>().HandleAsync(await second.AccessAsync(WorkspaceRole.WorkspaceAdmin),
            new InviteMember(member.Email, member.DisplayName, [WorkspaceRole.Manager]), default);
        var client = app.ClientFor(person);
        await client.FetchAsync("/");

        using var switched = await SwitchAsync(client, second.Id);

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var (_, home) = await client.FetchAsync("/");
        Assert.Contains($"<strong>{second.Name}</strong>", home);
    }

    [Fact]
    public async Task Nobody_can_switch_into_a_workspace_she_does_not_belong_to()
    {
        var mine = await app.WorkspaceAsync();
        var theirs = await app.WorkspaceAsync();
        var (person, _, _) = await app.MemberAsync(mine, "Only Mine", WorkspaceRole.Caseworker);
        var client = app.ClientFor(person);

        using var refused = await SwitchAsync(client, theirs.Id);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var (_, home) = await client.FetchAsync("/");
        Assert.Contains($"<strong>{mine.Name}</strong>", home);
    }

    [Fact]
    public async Task A_switch_without_the_antiforgery_token_or_without_signing_in_is_refused()
    {
        var workspace = await app.WorkspaceAsync();
        var (person, _, _) = await app.MemberAsync(workspace, "Someone", WorkspaceRole.Caseworker);

        using var noToken = await SwitchAsync(app.ClientFor(person), workspace.Id, withToken: false);
        using var anonymous = await SwitchAsync(app.ClientFor(null), workspace.Id, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.True(anonymous.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"got {anonymous.StatusCode}");
    }
}
