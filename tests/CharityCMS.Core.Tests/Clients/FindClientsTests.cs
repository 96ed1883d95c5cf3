using CharityCMS.Clients;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using FluentValidation;

namespace CharityCMS.Core.Tests.Clients;

public class FindClientsTests : DomainDatabase
{
    private WorkspaceAccess access = null!;
    private readonly Dictionary<string, ClientRegistration> clients = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        access = await (await TestWorkspace.CreateAsync(Store, prefix: "FND")).AccessAsync(WorkspaceRole.Caseworker);
        var register = Get<RegisterClientHandler>();
        foreach (var (legal, preferred, phone) in new[]
                 {
                     ("Amina Begum", null, "07700 900001"),
                     ("Katarzyna Nowak", "Kasia", "07700 900002"),
                     ("Zoe Abbott", null, "0113 496 0003"),
                     ("Amina Okafor", null, "07700 900004"),
                 })
        {
            Clock.Advance(TimeSpan.FromHours(1));
            clients[legal] = await register.HandleAsync(access, SampleClients.Registration(legal, preferred, phone), default);
        }
    }

    private async Task<IReadOnlyList<string>> Find(string? term, ClientSort sort = ClientSort.Name, bool descending = false) =>
        (await Get<FindClientsHandler>().HandleAsync(access, new FindClients(term, sort, descending), default)).Rows.Select(r => r.LegalName).ToList();

    [Theory]
    [InlineData("amina", new[] { "Amina Begum", "Amina Okafor" })]
    [InlineData("AMINA okaf", new[] { "Amina Okafor" })]
    [InlineData("kasia", new[] { "Katarzyna Nowak" })]
    [InlineData("FND-000003", new[] { "Zoe Abbott" })]
    [InlineData("+44 7700 900002", new[] { "Katarzyna Nowak" })]
    [InlineData("01134960003", new[] { "Zoe Abbott" })]
    [InlineData("nobody", new string[0])]
    public async Task Search_matches_names_preferred_names_references_and_phone_numbers_however_typed(string term, string[] expected)
    {
        Assert.Equal(expected, await Find(term));
    }

    [Fact]
    public async Task Without_a_term_every_client_is_listed_by_the_name_she_goes_by()
    {
        Assert.Equal(["Amina Begum", "Amina Okafor", "Katarzyna Nowak", "Zoe Abbott"], await Find(null));
        Assert.Equal(["Zoe Abbott", "Katarzyna Nowak", "Amina Okafor", "Amina Begum"], await Find(null, descending: true));
    }

    [Fact]
    public async Task Newest_registrations_come_first_when_sorted_by_date_descending()
    {
        Assert.Equal(["Amina Okafor", "Zoe Abbott", "Katarzyna Nowak", "Amina Begum"], await Find("", ClientSort.Registered, descending: true));
    }

    [Fact]
    public async Task Pages_hold_the_requested_number_of_rows_and_report_the_total()
    {
        var handler = Get<FindClientsHandler>();
        var page = await handler.HandleAsync(access, new FindClients(null, ClientSort.Reference, false, Page: 2, PageSize: 10), default);
        Assert.Equal(4, page.Total);
        Assert.Empty(page.Rows);
        var first = await handler.HandleAsync(access, new FindClients(null, ClientSort.Reference, false, Page: 1, PageSize: 10), default);
        Assert.Equal(["FND-000001", "FND-000002", "FND-000003", "FND-000004"], first.Rows.Select(r => r.Reference));
    }

    [Fact]
    public void A_list_row_has_no_place_for_an_address_or_contact_details()
    {
        var fields = typeof(ClientListRow).GetProperties().Select(p => p.Name.ToLowerInvariant()).ToList();
        Assert.DoesNotContain(fields, f => f.Contains("address") || f.Contains("phone") || f.Contains("email") || f.Contains("contact") || f.Contains("postcode"));
    }

    [Fact]
    public async Task Clients_of_another_workspace_are_never_found()
    {
        var outsider = await (await TestWorkspace.CreateAsync(Store)).AccessAsync(WorkspaceRole.Manager);
        var page = await Get<FindClientsHandler>().HandleAsync(outsider, new FindClients("amina"), default);
        Assert.Equal(0, page.Total);
    }

    [Theory]
    [InlineData(0, 25)]
    [InlineData(1, 7)]
    public async Task A_page_outside_the_allowed_range_is_refused(int page, int size)
    {
        await Assert.ThrowsAsync<ValidationException>(() => Get<FindClientsHandler>().HandleAsync(access, new FindClients(null, Page: page, PageSize: size), default));
    }

    [Fact]
    public async Task A_fundraiser_cannot_search_clients()
    {
        var fundraiser = access with { Roles = new HashSet<WorkspaceRole> { WorkspaceRole.Fundraiser } };
        await Assert.ThrowsAsync<AccessDeniedException>(() => Get<FindClientsHandler>().HandleAsync(fundraiser, new FindClients("amina"), default));
    }
}
