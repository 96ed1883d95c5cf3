using CharityCMS.Cases;
using CharityCMS.Grants;
using CharityCMS.Workspaces;

namespace CharityCMS.Core.Tests.Grants;

public class FundingOverviewTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly StaffMember Owner = new(Guid.NewGuid(), "Grace Manager");

    private static Grant GrantOf(string funder, decimal amount, DateOnly starts, DateOnly ends, params (DateOnly Due, bool Sent)[] returns)
    {
        var grant = Grant.Create(new GrantRecorded(new GrantTerms(Guid.NewGuid(), funder, $"{funder} grant", null, amount, true, starts, ends,
            [CaseService.Idva], null, Owner, null), Owner, DateTimeOffset.UnixEpoch));
        grant.Id = Guid.NewGuid();
        foreach (var (due, sent) in returns)
        {
            var id = Guid.NewGuid();
            grant.Apply(new ReportingDeadlineSet(id, $"Return due {due}", starts, ends, due, Owner, DateTimeOffset.UnixEpoch));
            if (sent) grant.Apply(new ReturnSubmitted(id, due, null, null, Owner, DateTimeOffset.UnixEpoch));
        }
        return grant;
    }

    [Fact]
    public void Income_is_compared_by_yearly_value_and_the_runway_shows_what_ends_when()
    {
        var threeYears = GrantOf("Lottery", 120_000m, new DateOnly(2025, 4, 1), new DateOnly(2028, 3, 31));
        var thisYear = GrantOf("PCC", 60_000m, new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31));
        var shortOne = GrantOf("Trust", 10_000m, new DateOnly(2026, 9, 1), new DateOnly(2027, 2, 28));
        var ended = GrantOf("Council", 50_000m, new DateOnly(2025, 4, 1), new DateOnly(2026, 3, 31));

        var overview = FundingOverview.From([threeYears, thisYear, shortOne, ended], Today);

        // The three-year award of 120,000 is worth less a year than this year's 60,000.
        Assert.Equal(["PCC", "Lottery", "Trust"], overview.IncomeByFunder.Select(f => f.Funder));
        Assert.Equal(60_000m, overview.IncomeByFunder[0].YearlyValue);
        Assert.Equal(39_963.50m, overview.IncomeByFunder[1].YearlyValue); // 120,000 x 365 / 1,096 days
        Assert.Equal(10_000m, overview.IncomeByFunder[2].YearlyValue); // under a year: its whole amount
        var sixMonths = overview.Runway.Single(h => h.Months == 6);
        Assert.Equal([shortOne, thisYear], sixMonths.Ending);
        Assert.Equal(70_000m / (39_963.50m + 70_000m), sixMonths.Share);
        Assert.Equal(3, overview.LiveGrants.Count);
    }

    [Fact]
    public void Upcoming_lists_the_next_90_days_and_overdue_what_is_past_and_not_done()
    {
        var grant = GrantOf("PCC", 60_000m, new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31),
            (Today.AddDays(-10), true), (Today.AddDays(-2), false), (Today, false), (Today.AddDays(90), false), (Today.AddDays(91), false));

        var overview = FundingOverview.From([grant], Today);

        Assert.Equal([Today.AddDays(-2)], overview.Overdue.Select(d => d.DueOn));
        Assert.Equal([Today, Today.AddDays(90)], overview.Upcoming.Select(d => d.DueOn));
    }
}
