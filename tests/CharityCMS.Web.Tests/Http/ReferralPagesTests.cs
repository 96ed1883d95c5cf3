using System.Net;
using CharityCMS.Referrals;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using Microsoft.Extensions.DependencyInjection;

namespace CharityCMS.Web.Tests.Http;

public class ReferralPagesTests(CharityApp app) : IClassFixture<CharityApp>
{
    [Fact]
    public async Task A_member_of_one_workspace_opening_another_workspaces_referral_gets_not_found_and_no_name()
    {
        var riverside = await app.WorkspaceAsync();
        var northgate = await app.WorkspaceAsync();
        var (riversideManager, _, _) = await app.MemberAsync(riverside, "Riverside Manager", WorkspaceRole.Manager);
        var northgateWorker = await northgate.AccessAsync(WorkspaceRole.Caseworker);
        var referralId = await app.Services.GetRequiredService<ReceiveReferralHandler>()
            .HandleAsync(northgateWorker, SampleReferrals.FromPolice(DateTimeOffset.UtcNow.AddHours(-1), "Northgate Onlyreferral"), default);

        var (status, body) = await app.ClientFor(riversideManager).FetchAsync($"/referrals/{referralId}");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain("Northgate Onlyreferral", body);
    }

    [Fact]
    public async Task The_queue_lists_a_waiting_referral_by_name_without_her_contact_details()
    {
        var workspace = await app.WorkspaceAsync();
        var (caseworker, _, access) = await app.MemberAsync(workspace, "Queue Caseworker", WorkspaceRole.Caseworker);
        await app.Services.GetRequiredService<ReceiveReferralHandler>()
            .HandleAsync(access, SampleReferrals.FromPolice(DateTimeOffset.UtcNow.AddDays(-2), "Queued Referral"), default);

        var (status, body) = await app.ClientFor(caseworker).FetchAsync("/referrals");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Queued Referral", body);
        Assert.Contains("2 days", body);
        Assert.DoesNotContain(SampleReferrals.SafePhone, body);
        Assert.DoesNotContain("Hidden Row", body);
    }
}
