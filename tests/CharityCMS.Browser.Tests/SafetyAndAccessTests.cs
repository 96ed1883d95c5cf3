using CharityCMS.Browser.Tests.Pages;
using CharityCMS.Clients;
using CharityCMS.Demo;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CharityCMS.Browser.Tests;

public class SafetyAndAccessTests(Chromium chromium, BrowserApp app) : BrowserTest(chromium, app), IClassFixture<BrowserApp>
{
    private Task<ClientRegistration> RegisterAsync(string workspace, string name) =>
        App.RegisterClientAsync(workspace, SampleClients.Registration(name));

    [Fact]
    public async Task A_member_of_one_charity_opening_the_address_of_another_charitys_client_sees_not_found()
    {
        var northgateClient = await RegisterAsync(DemoStaff.Northgate, "Northgate Hiddenclient");
        var page = await SignInAsync("Grace Okoro");

        await page.GotoAsync($"/clients/{northgateClient.ClientId}");

        await page.GetByRole(AriaRole.Heading, new() { Name = "Not found" }).WaitForAsync();
        Assert.DoesNotContain("Hiddenclient", await page.ContentAsync());
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "other-charitys-client-not-found");
    }

    [Fact]
    public async Task When_the_opening_cannot_be_audited_the_record_is_not_shown()
    {
        var client = await RegisterAsync(DemoStaff.Riverside, "Unaudited Testclient");
        var page = await SignInAsync("Grace Okoro");
        await SqlAsync("""
            create function cms.refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'audit store unavailable'; end $$;
            create trigger refuse_audit before insert on cms.mt_doc_auditentry for each row execute function cms.refuse_audit();
            """);
        try
        {
            await GoToAsync(page, $"/clients/{client.ClientId}");

            await page.Locator("#audit-failed").WaitForAsync();
            Assert.DoesNotContain("Unaudited Testclient", await page.ContentAsync());
            Assert.DoesNotContain("07700 900123", await page.ContentAsync());
            await ScreenshotAsync(page, "audit-unavailable");
        }
        finally
        {
            await SqlAsync("drop trigger refuse_audit on cms.mt_doc_auditentry; drop function cms.refuse_audit();");
        }
    }

    private async Task SqlAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Two_people_editing_one_record_the_second_save_is_refused_with_who_and_when_and_keeps_her_typing()
    {
        var client = await App.RegisterClientAsync(DemoStaff.Riverside, SampleClients.Registration("Conflict Testclient"), allocateTo: "Hannah Price");
        var hannah = await SignInAsync("Hannah Price");
        var grace = await SignInAsync("Grace Okoro");
        await GoToAsync(hannah, $"/clients/{client.ClientId}/edit");
        await GoToAsync(grace, $"/clients/{client.ClientId}/edit");
        var hannahForm = new ClientFormPage(hannah);
        var graceForm = new ClientFormPage(grace);

        await graceForm.FillAsync("Preferred name (optional)", "Connie");
        await graceForm.SaveAsync("Save changes");
        await new ClientRecordPage(grace).WhenOpenAsync();

        await hannahForm.FillAsync("Preferred name (optional)", "Cee");
        await hannahForm.SaveAsync("Save changes");

        var conflict = hannah.Locator("#edit-conflict");
        await conflict.WaitForAsync();
        Assert.Contains("Grace Okoro changed this record at", await conflict.InnerTextAsync());
        Assert.Equal("Cee", await hannahForm.ValueOfAsync("Preferred name (optional)"));
        await AssertAccessibleAsync(hannah);
        await ScreenshotAsync(hannah, "edit-conflict");

        await hannah.GetByRole(AriaRole.Button, new() { Name = "Reload the latest version" }).ClickAsync();
        await hannah.Locator("#edit-conflict").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Equal("Connie", await hannahForm.ValueOfAsync("Preferred name (optional)"));
    }

    [Fact]
    public async Task Opening_a_case_a_caseworker_can_only_take_it_herself_and_a_manager_picks_the_worker()
    {
        var client = await App.RegisterClientAsync(DemoStaff.Riverside, SampleClients.Registration("Allocation Testclient"), allocateTo: "Hannah Price");

        var hannah = await SignInAsync("Hannah Price");
        await GoToAsync(hannah, $"/clients/{client.ClientId}/cases/new");
        await hannah.GetByLabel("Allocate the case to me", new() { Exact = true }).WaitForAsync();
        Assert.True(await hannah.GetByLabel("Allocate the case to me", new() { Exact = true }).IsCheckedAsync());
        Assert.Equal(0, await hannah.GetByLabel("Allocate to", new() { Exact = true }).CountAsync());
        await AssertAccessibleAsync(hannah);
        await ScreenshotAsync(hannah, "open-case-as-a-caseworker");

        var grace = await SignInAsync("Grace Okoro");
        await GoToAsync(grace, $"/clients/{client.ClientId}/cases/new");
        await grace.GetByLabel("Allocate to", new() { Exact = true }).WaitForAsync();
        await ScreenshotAsync(grace, "open-case-as-a-manager");
    }

    [Fact]
    public async Task A_person_in_two_charities_switches_workspace_from_the_app_bar_and_sees_only_that_charitys_clients()
    {
        await RegisterAsync(DemoStaff.Riverside, "Riverside Switchclient");
        await RegisterAsync(DemoStaff.Northgate, "Northgate Switchclient");
        var page = await SignInAsync("Priya Shah");
        var bar = new AppBar(page);
        var first = await bar.WorkspaceAsync();
        var other = first == "Riverside Women's Aid" ? "Northgate Rape Crisis Centre" : "Riverside Women's Aid";

        await bar.SwitchToAsync(other);

        Assert.Equal(other, await bar.WorkspaceAsync());
        await GoToAsync(page, "/clients");
        var expected = other.StartsWith("Riverside", StringComparison.Ordinal) ? "Riverside Switchclient" : "Northgate Switchclient";
        var hidden = other.StartsWith("Riverside", StringComparison.Ordinal) ? "Northgate Switchclient" : "Riverside Switchclient";
        await page.GetByText(expected).WaitForAsync();
        Assert.Equal(0, await page.GetByText(hidden).CountAsync());
        await ScreenshotAsync(page, "switched-workspace");
    }

    [Fact]
    public async Task Leave_this_site_replaces_the_page_so_Back_does_not_return_to_it()
    {
        var page = await NewWindowAsync();
        await page.RouteAsync("https://www.bbc.co.uk/**", route => route.FulfillAsync(new() { Body = "<html><title>Weather</title><body>Weather</body></html>", ContentType = "text/html" }));
        await page.GotoAsync("/signed-out");
        await page.GotoAsync("/signin/dev");

        await page.Keyboard.PressAsync("Escape");
        await UntilAsync(() => page.Url.StartsWith("https://www.bbc.co.uk/", StringComparison.Ordinal), "the neutral site");
        await page.GoBackAsync();

        Assert.EndsWith("/signed-out", page.Url);
    }

    [Fact]
    public async Task The_leave_this_site_button_works_with_a_click()
    {
        var page = await NewWindowAsync(360, 740);
        await page.RouteAsync("https://www.bbc.co.uk/**", route => route.FulfillAsync(new() { Body = "<html><body>Weather</body></html>", ContentType = "text/html" }));
        await page.GotoAsync("/signin/dev");
        await ScreenshotAsync(page, "quick-exit-on-a-phone");

        await page.GetByRole(AriaRole.Button, new() { Name = "Leave this site" }).ClickAsync();

        await UntilAsync(() => page.Url.StartsWith("https://www.bbc.co.uk/", StringComparison.Ordinal), "the neutral site");
    }
}

/// <summary>Changes to memberships reach open tabs. A class of its own: these tests change demo people.</summary>
public class AccessRevalidationTests(Chromium chromium, BrowserApp app) : BrowserTest(chromium, app), IClassFixture<BrowserApp>
{
    private async Task<Member> DemoMemberAsync(string objectId, string workspace)
    {
        await using var session = App.Store.QuerySession();
        return await session.Query<Member>().SingleAsync(m => m.ObjectId == objectId && m.WorkspaceId == workspace);
    }

    /// <summary>The workspace's demo admin, acting through the same commands as the members page.</summary>
    private async Task<WorkspaceAccess> AdminOfAsync(string workspace)
    {
        await using var session = App.Store.QuerySession();
        var admin = await session.Query<Member>().FirstAsync(m => m.WorkspaceId == workspace && m.Roles.Contains(WorkspaceRole.WorkspaceAdmin));
        return new WorkspaceAccess(workspace, workspace, admin.AsStaff(), admin.Roles.ToHashSet());
    }

    [Fact]
    public async Task A_member_removed_while_her_page_is_open_loses_access_within_seconds()
    {
        var page = await SignInAsync("Hannah Price");
        await GoToAsync(page, "/clients");
        await page.Locator(".mud-table").WaitForAsync();

        var hannah = await DemoMemberAsync("demo-hannah.price", DemoStaff.Riverside);
        await App.Services.GetRequiredService<RemoveMemberHandler>().HandleAsync(await AdminOfAsync(DemoStaff.Riverside), new RemoveMember(hannah.Id), default);

        await page.GetByRole(AriaRole.Heading, new() { Name = "Your access has changed" }).WaitForAsync(new() { Timeout = 10_000 });
        Assert.Equal(0, await page.Locator(".mud-table").CountAsync());
        await ScreenshotAsync(page, "removed-member");

        await page.GetByRole(AriaRole.Button, new() { Name = "Reload the page" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "You are not a member of a workspace yet" }).WaitForAsync();
    }

    [Fact]
    public async Task A_caseworker_whose_role_becomes_fundraiser_loses_the_client_pages_on_her_open_tab()
    {
        var page = await SignInAsync("Aisha Rahman");
        await GoToAsync(page, "/clients");
        var aisha = await DemoMemberAsync("demo-aisha.rahman", DemoStaff.Northgate);
        await App.Services.GetRequiredService<ChangeMemberRolesHandler>().HandleAsync(await AdminOfAsync(DemoStaff.Northgate),
            new ChangeMemberRoles(aisha.Id, [WorkspaceRole.Fundraiser]), default);

        await page.GetByRole(AriaRole.Heading, new() { Name = "Your access has changed" }).WaitForAsync(new() { Timeout = 10_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Reload the page" }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "You do not have access to that page" }).WaitForAsync();
        await ScreenshotAsync(page, "role-changed-to-fundraiser");
    }
}
