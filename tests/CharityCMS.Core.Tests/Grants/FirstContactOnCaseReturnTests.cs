using CharityCMS.Cases;
using CharityCMS.Grants.Returns;
using CharityCMS.Referrals;
using CharityCMS.TestSupport;

namespace CharityCMS.Core.Tests.Grants;

/// <summary>Referrals first reached on the cases opened from them, never on the referral page: the return still counts their waits.</summary>
public class FirstContactOnCaseReturnTests : GrantDatabase
{
    [Fact]
    public async Task The_wait_to_first_contact_counts_contacts_logged_on_the_case()
    {
        var grant = await RecordAsync();
        foreach (var daysAgo in new[] { 1, 2, 3, 4, 5 })
        {
            var received = Clock.GetUtcNow().AddDays(-daysAgo);
            var referralId = await Get<ReceiveReferralHandler>().HandleAsync(Manager, SampleReferrals.FromPolice(received, $"Client {daysAgo}"), default);
            var newClient = SampleClients.Registration($"Client {daysAgo}");
            var accepted = await Get<TriageReferralHandler>().AcceptAsync(Manager, new AcceptReferral(referralId, 1, null, newClient, CaseService.Idva, null), default);
            await Get<ContactLogHandler>().LogAsync(Manager,
                new LogContact(accepted.CaseId, ContactMethod.Visit, true, Clock.GetUtcNow(), 45, null, "Met her at the children's centre."), default);
        }

        var computed = await Get<FunderReturns>().ComputeAsync(Manager, grant.Id, new(2026, 11, 1), new(2026, 12, 31), default);

        // Waits of 1 to 5 days: the median is the 3rd by nearest rank, the 90th percentile the 5th.
        Assert.Equal(["Referrals with a first contact: 5", "Median wait: 3.0 days", "90th percentile wait: 5.0 days", "No contact yet: 0"],
            computed.Sections.Single(s => s.Key == "first-contact").Rows.Select(r => $"{r.Label}: {string.Join(" | ", r.Cells.Select(c => c.Shown))}"));
    }
}
