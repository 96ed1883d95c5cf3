using System.Net;
using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.Donations;
using CharityCMS.Donations.GiftAid;
using CharityCMS.Grants;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using Microsoft.Extensions.DependencyInjection;

namespace CharityCMS.Web.Tests.Http;

/// <summary>People with each role, and a client, in one workspace: the table the role tests read.</summary>
public sealed class RoleMatrixApp : CharityApp
{
    public Dictionary<string, TestPerson?> People { get; } = [];
    public ClientRegistration Client { get; private set; } = null!;
    public Guid CaseId { get; private set; }
    public Guid GrantId { get; private set; }
    public Guid DonorId { get; private set; }
    public Guid ClaimId { get; private set; }
    public const string ClientName = "Matrix Testclient";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var workspace = await WorkspaceAsync("roles", "ROL");
        foreach (var role in Enum.GetValues<WorkspaceRole>())
            People[role.ToString()] = (await MemberAsync(workspace, $"{role} Person", role)).Person;
        People["Operator"] = TestPerson.Operator();
        People["NoWorkspace"] = new TestPerson("oid-nobody", "nobody@example.org", "Nobody Member");
        People["Anonymous"] = null;
        var caseworker = await workspace.AccessAsync(WorkspaceRole.Caseworker);
        Client = await Services.GetRequiredService<RegisterClientHandler>().HandleAsync(caseworker, SampleClients.Registration(ClientName), default);
        CaseId = await Services.GetRequiredService<OpenCaseHandler>().HandleAsync(caseworker,
            new OpenCase(Client.ClientId, CaseService.Idva, caseworker.Member.Id, UkCalendar.Today(TimeProvider.System)), default);
        var manager = await workspace.AccessAsync(WorkspaceRole.Manager);
        var funderId = await Services.GetRequiredService<Funders>().RegisterAsync(manager,
            new FunderDetails("Matrix Trust", FunderType.Trust, null, null, null, null), default);
        GrantId = await Services.GetRequiredService<GrantTermsHandler>().RecordAsync(manager, new GrantTermsForm(
            funderId, "Matrix grant", null, 10_000m, true, new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31), [CaseService.Idva], null, manager.Member.Id, null), default);
        // A donor as a verified Stripe webhook would record her, with the client's very name.
        DonorId = StripeIds.Donor("cus_matrix");
        await using var session = Store.LightweightSession(workspace.Id);
        session.Events.Append(DonorId, new DonorRecorded("cus_matrix", ClientName, "matrix.donor@example.org", true, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
        ClaimId = await GiftAidClaimAsync(workspace);
    }

    public const string DonorLastName = "Matrixdonor";

    /// <summary>A donor with a declaration and one gift, drafted into a claim by a fundraiser.</summary>
    private async Task<Guid> GiftAidClaimAsync(TestWorkspace workspace)
    {
        var donorId = StripeIds.Donor("cus_giftaid_matrix");
        var donationId = StripeIds.Donation("pi_matrix");
        var at = DateTimeOffset.UtcNow.AddDays(-1);
        await using (var session = Store.LightweightSession(workspace.Id))
        {
            session.Events.Append(donorId, new DonorRecorded("cus_giftaid_matrix", "Mia Matrixdonor", null, false, at),
                new GiftAidDeclarationMade(Guid.NewGuid(), new GiftAidDeclarant("Ms", "Mia", DonorLastName, "7", "Matrix Road", "LS1 4AB"), DeclarationMethod.Online, UkCalendar.DateOf(at), at));
            session.Events.Append(donationId, new DonationReceived(donorId, "pi_matrix", 2_500, "gbp", DonationKind.OneOff, null, null, at));
            await session.SaveChangesAsync();
        }
        var fundraiser = await workspace.AccessAsync(WorkspaceRole.Fundraiser);
        return await Services.GetRequiredService<GiftAidClaims>().DraftAsync(fundraiser, new DraftGiftAidClaim([donationId], false), default);
    }
}

public class AccessByRoleTests(RoleMatrixApp app) : IClassFixture<RoleMatrixApp>
{
    // Who may open what. Each row: path, then the status for Anonymous, Caseworker, Manager, Fundraiser,
    // WorkspaceAdmin, Operator (no workspace), NoWorkspace (signed in, member of nothing).
    private static readonly (string Path, int[] Status)[] Matrix =
    [
        ("/", [401, 200, 200, 200, 200, 200, 403]),
        ("/clients", [401, 200, 200, 403, 403, 403, 403]),
        ("/clients/new", [401, 200, 200, 403, 403, 403, 403]),
        ("/clients/{client}", [401, 200, 200, 403, 403, 403, 403]),
        ("/clients/{client}/edit", [401, 200, 200, 403, 403, 403, 403]),
        ("/clients/{client}/cases/new", [401, 200, 200, 403, 403, 403, 403]),
        ("/cases/{case}", [401, 200, 200, 403, 403, 403, 403]),
        ("/caseload", [401, 200, 200, 403, 403, 403, 403]),
        ("/caseload/team", [401, 403, 200, 403, 403, 403, 403]),
        ("/settings/casework", [401, 403, 200, 403, 403, 403, 403]),
        ("/clients/{client}/risk", [401, 200, 200, 403, 403, 403, 403]),
        ("/clients/{client}/risk/assess", [401, 200, 200, 403, 403, 403, 403]),
        ("/clients/{client}/marac/new", [401, 200, 200, 403, 403, 403, 403]),
        ("/marac", [401, 200, 200, 403, 403, 403, 403]),
        ("/funding", [401, 403, 200, 403, 403, 403, 403]),
        ("/grants", [401, 403, 200, 403, 403, 403, 403]),
        ("/grants/new", [401, 403, 200, 403, 403, 403, 403]),
        ("/grants/{grant}", [401, 403, 200, 403, 403, 403, 403]),
        ("/grants/{grant}/return", [401, 403, 200, 403, 403, 403, 403]),
        ("/funders", [401, 403, 200, 403, 403, 403, 403]),
        ("/settings/funding", [401, 403, 200, 403, 403, 403, 403]),
        ("/fundraising", [401, 403, 403, 200, 200, 403, 403]),
        ("/donors", [401, 403, 403, 200, 200, 403, 403]),
        ("/donors/{donor}", [401, 403, 403, 200, 200, 403, 403]),
        ("/giftaid", [401, 403, 403, 200, 200, 403, 403]),
        ("/giftaid/claims/new", [401, 403, 403, 200, 200, 403, 403]),
        ("/giftaid/claims/{claim}", [401, 403, 403, 200, 200, 403, 403]),
        ("/giftaid/claims/{claim}/schedule.csv", [401, 403, 403, 200, 200, 403, 403]),
        ("/giftaid/claims/{claim}/schedule.xlsx", [401, 403, 403, 200, 200, 403, 403]),
        ("/referrals", [401, 200, 200, 403, 403, 403, 403]),
        ("/referrals/new", [401, 200, 200, 403, 403, 403, 403]),
        ("/refer/roles", [200, 200, 200, 200, 200, 200, 200]),
        ("/workspace/members", [401, 403, 403, 403, 200, 403, 403]),
        ("/settings/stripe", [401, 403, 403, 403, 200, 403, 403]),
        ("/campaigns", [401, 403, 403, 200, 200, 403, 403]),
        ("/settings/donations", [401, 403, 403, 200, 200, 403, 403]),
        ("/donate/roles", [200, 200, 200, 200, 200, 200, 200]),
        ("/donate/roles/thanks", [200, 200, 200, 200, 200, 200, 200]),
        ("/donate/roles/cancelled", [200, 200, 200, 200, 200, 200, 200]),
        ("/platform/workspaces", [401, 403, 403, 403, 403, 200, 403]),
        ("/jobs", [401, 403, 403, 403, 403, 200, 403]),
        ("/health/live", [200, 200, 200, 200, 200, 200, 200]),
        ("/health/ready", [200, 200, 200, 200, 200, 200, 200]),
        ("/signin/dev", [200, 200, 200, 200, 200, 200, 200]),
        ("/access-denied", [200, 200, 200, 200, 200, 200, 200]),
    ];

    private static readonly string[] Who = ["Anonymous", "Caseworker", "Manager", "Fundraiser", "WorkspaceAdmin", "Operator", "NoWorkspace"];

    public static TheoryData<string, string, int> Cases()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (path, statuses) in Matrix)
            for (var i = 0; i < Who.Length; i++) data.Add(path, Who[i], statuses[i]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_page_and_endpoint_answers_each_role_as_the_matrix_says(string path, string who, int expected)
    {
        var (status, _) = await app.ClientFor(app.People[who]).FetchAsync(path.Replace("{client}", app.Client.ClientId.ToString()).Replace("{case}", app.CaseId.ToString())
            .Replace("{grant}", app.GrantId.ToString()).Replace("{donor}", app.DonorId.ToString()).Replace("{claim}", app.ClaimId.ToString()));
        Assert.Equal((HttpStatusCode)expected, status);
    }

    [Theory]
    [InlineData("Fundraiser")]
    [InlineData("WorkspaceAdmin")]
    [InlineData("Operator")]
    public async Task No_client_data_reaches_anyone_without_a_client_role(string who)
    {
        var client = app.ClientFor(app.People[who]);
        foreach (var path in new[] { "/", "/clients", $"/clients/{app.Client.ClientId}", $"/clients/{app.Client.ClientId}/edit", $"/cases/{app.CaseId}", "/caseload" })
        {
            var (_, body) = await client.FetchAsync(path);
            Assert.DoesNotContain(RoleMatrixApp.ClientName, body);
            Assert.DoesNotContain(app.Client.Reference, body);
        }
    }

    [Fact]
    public async Task A_client_record_is_never_in_the_first_server_rendered_html_even_for_her_caseworker()
    {
        var (status, body) = await app.ClientFor(app.People["Caseworker"]).FetchAsync($"/clients/{app.Client.ClientId}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain(RoleMatrixApp.ClientName, body);
        Assert.DoesNotContain("07700 900123", body);
    }
}
