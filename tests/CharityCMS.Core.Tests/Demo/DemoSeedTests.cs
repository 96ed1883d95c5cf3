using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.Demo;
using CharityCMS.Donations;
using CharityCMS.Referrals;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using Marten;

namespace CharityCMS.Core.Tests.Demo;

public class DemoSeedTests : DomainDatabase
{
    [Fact]
    public async Task The_demo_seeds_two_charities_with_their_staff_and_about_200_valid_clients_each_and_only_once()
    {
        Assert.True(await Get<DemoSeed>().SeedAsync(default));
        Assert.False(await Get<DemoSeed>().SeedAsync(default));

        await using var platform = Store.QuerySession();
        var workspaces = await platform.Query<Workspace>().OrderBy(w => w.Id).ToListAsync();
        Assert.Equal(["northgate", "riverside"], workspaces.Select(w => w.Id));
        Assert.Equal(["Northgate Rape Crisis Centre", "Riverside Women's Aid"], workspaces.Select(w => w.Name));
        foreach (var workspace in workspaces)
        {
            var roles = (await platform.Query<Member>().Where(m => m.WorkspaceId == workspace.Id).ToListAsync()).SelectMany(m => m.Roles).ToHashSet();
            Assert.Equal(Enum.GetValues<WorkspaceRole>().ToHashSet(), roles);

            await using var tenant = Store.QuerySession(workspace.Id);
            var clients = await tenant.Query<Client>().ToListAsync();
            Assert.Equal(DemoSeed.ClientsPerWorkspace, clients.Count);
            Assert.All(clients, c => Assert.StartsWith(workspace.ClientReferencePrefix + "-", c.Reference));
            Assert.Contains(clients, c => c.Address?.DoNotDisclose == true);
            Assert.Contains(clients, c => c.Address is { IsRefuge: true, DoNotDisclose: false });
            Assert.Contains(clients, c => c.Contact.Phones.Any(p => !p.SafeToCall));
            Assert.Contains(clients, c => c.Version > 1);

            var cases = await tenant.Query<Case>().ToListAsync();
            Assert.InRange(cases.Count, clients.Count / 2, clients.Count);
            Assert.Contains(cases, c => c.Status == CaseStatus.Closed && c.ExitOutcomes is not null);
            Assert.Contains(cases, c => c.IsOpen && c.Worker is null);
            Assert.Contains(cases, c => c.Contacts.Any(x => !x.Successful));
            Assert.Contains(cases, c => c.Incidents.Any(i => i.ReportedToPolice));
            Assert.Contains(cases, c => c.IsOpen && c.NextSafetyPlanReviewOn < UkCalendar.Today(TimeProvider.System));
            Assert.Contains(cases, c => c.OnwardReferrals.Count > 0);
            Assert.True(await tenant.Query<CharityCMS.Notifications.Notification>().AnyAsync(), "today's reminders are raised");

            var referrals = await tenant.Query<Referral>().ToListAsync();
            Assert.Equal(4, referrals.Count(r => r.Status == ReferralStatus.Untriaged));
            Assert.Equal(5, referrals.Count(r => r.Status == ReferralStatus.Accepted && clients.Any(c => c.Id == r.ClientId)));
            Assert.Single(referrals, r => r.Status == ReferralStatus.Declined);
            Assert.Single(referrals, r => r.Status == ReferralStatus.Signposted);
            Assert.Contains(referrals, r => r.TimeToFirstContact > TimeSpan.FromHours(1));

            // Funding: past returns sent and money received, something due within a fortnight, one report overdue.
            var today = UkCalendar.Today(Clock);
            Assert.InRange(await tenant.Query<CharityCMS.Grants.Funder>().CountAsync(), 3, 10);
            var grants = await tenant.Query<CharityCMS.Grants.Grant>().ToListAsync();
            Assert.InRange(grants.Count, 3, 10);
            var dates = grants.SelectMany(CharityCMS.Grants.GrantDeadlines.Of).ToList();
            Assert.Contains(dates, d => d.Done && d.Kind == CharityCMS.Grants.GrantDeadlineKind.Return);
            Assert.Contains(dates, d => d.Done && d.Kind == CharityCMS.Grants.GrantDeadlineKind.Instalment);
            Assert.Single(dates, d => d.IsOverdueOn(today));
            Assert.Contains(dates, d => !d.Done && d.DaysFrom(today) is >= 0 and <= 14);
            Assert.All(grants, g => Assert.NotEmpty(g.Deadlines));
            Assert.True(await tenant.Query<CharityCMS.Notifications.Notification>().AnyAsync(n => n.Kind == CharityCMS.Notifications.NotificationKind.GrantDeadlineOverdue));

            // Giving: one-off and monthly donors over twelve months, Gift Aid, refunds, the 16 days of activism, Stripe in test mode.
            var donors = await tenant.Query<Donor>().ToListAsync();
            Assert.InRange(donors.Count, 40, 100);
            Assert.Contains(donors, d => d.Declarations.Count > 0);
            Assert.Contains(donors, d => d.Declarations.Count == 0);
            var donations = await tenant.Query<Donation>().ToListAsync();
            Assert.All(donations, d => Assert.Contains(donors, donor => donor.Id == d.DonorId));
            Assert.Contains(donations, d => d.Kind == DonationKind.Monthly);
            Assert.Contains(donations, d => d.IsRefunded);
            Assert.Contains(donations, d => d.Campaign == DemoDonations.SixteenDays);
            Assert.Equal(new DateOnly(2026, 11, 25), (await Get<Campaigns>().FindAsync(workspace.Id, DemoDonations.SixteenDays, default))!.StartsOn);
            Assert.InRange(donations.Min(d => d.ReceivedAt!.Value), Clock.GetUtcNow().AddDays(-366), Clock.GetUtcNow());
            var monthly = await tenant.Query<RecurringGift>().ToListAsync();
            Assert.Contains(monthly, g => g.IsActive);
            Assert.Contains(monthly, g => !g.IsActive);
            Assert.Equal(CharityCMS.Donations.StripeMode.Test, (await Get<StripeAccounts>().ConnectionAsync(workspace.Id, default))!.Mode);
        }
    }

    [Fact]
    public void Demo_phone_numbers_all_come_from_Ofcoms_range_for_drama()
    {
        var registrations = new DemoClients(seed: 7, area: DemoStaff.Riverside).Generate(500, DateTimeOffset.UtcNow);
        Assert.All(registrations.SelectMany(r => r.Command.Contact.Phones), p => Assert.StartsWith("07700 900", p.Number));
    }
}
