using CharityCMS.Workspaces;
using Marten;

namespace CharityCMS.Grants;

/// <summary>A funder's share of the charity's grant income: the yearly value of its live grants.</summary>
public sealed record FunderIncome(string Funder, decimal YearlyValue);

/// <summary>Grants ending within a horizon, and the share of the yearly grant income they carry.</summary>
public sealed record RunwayHorizon(int Months, IReadOnlyList<Grant> Ending, decimal YearlyValue, decimal Share);

/// <summary>What a manager sees first: dates coming up and overdue, where the money comes from, and what runs out when.</summary>
public sealed record FundingOverview(
    DateOnly Today,
    IReadOnlyList<GrantDeadline> Upcoming,
    IReadOnlyList<GrantDeadline> Overdue,
    IReadOnlyList<FunderIncome> IncomeByFunder,
    decimal YearlyIncome,
    IReadOnlyList<RunwayHorizon> Runway,
    IReadOnlyList<Grant> LiveGrants)
{
    public const int UpcomingDays = 90;

    /// <summary>
    /// Grants compare by yearly value (the award spread over its period), so a three-year grant does
    /// not look three times as important as a one-year grant of the same size each year. Live grants
    /// are those running today.
    /// </summary>
    public static FundingOverview From(IReadOnlyList<Grant> grants, DateOnly today)
    {
        var live = grants.Where(g => !g.IsDeleted && g.Terms.Covers(today)).ToList();
        var dates = grants.Where(g => !g.IsDeleted).SelectMany(GrantDeadlines.Of).Where(d => !d.Done).ToList();
        var income = live.GroupBy(g => g.Terms.FunderName)
            .Select(g => new FunderIncome(g.Key, g.Sum(YearlyValue)))
            .OrderByDescending(f => f.YearlyValue)
            .ToList();
        var total = income.Sum(f => f.YearlyValue);
        return new FundingOverview(
            today,
            dates.Where(d => d.DaysFrom(today) is >= 0 and <= UpcomingDays).OrderBy(d => d.DueOn).ToList(),
            dates.Where(d => d.IsOverdueOn(today)).OrderBy(d => d.DueOn).ToList(),
            income,
            total,
            [Horizon(6), Horizon(12)],
            live.OrderBy(g => g.EndsOn).ToList());

        RunwayHorizon Horizon(int months)
        {
            var ending = live.Where(g => g.EndsOn <= today.AddMonths(months)).OrderBy(g => g.EndsOn).ToList();
            var value = ending.Sum(YearlyValue);
            return new RunwayHorizon(months, ending, value, total == 0 ? 0 : value / total);
        }
    }

    public static decimal YearlyValue(Grant grant)
    {
        var days = grant.Terms.EndsOn.DayNumber - grant.Terms.StartsOn.DayNumber + 1;
        return days >= 365 ? decimal.Round(grant.Terms.Amount * 365m / days, 2) : grant.Terms.Amount;
    }
}

/// <summary>One grant's KPIs from its start to today, as its return's KPI section counts them (suppressed the same way).</summary>
public sealed record GrantKpiProgress(Grant Grant, Returns.ReturnSection Kpis);

public sealed class FundingDashboard(IDocumentStore store, Returns.FunderReturns returns, TimeProvider clock)
{
    public async Task<FundingOverview> ReadAsync(WorkspaceAccess access, CancellationToken ct)
    {
        access.Require(WorkspaceRole.Manager, "see the funding dashboard");
        await using var session = store.QuerySession(access.WorkspaceId);
        var grants = await session.Query<Grant>().Where(g => !g.IsDeleted).ToListAsync(ct);
        return FundingOverview.From(grants.ToList(), UkCalendar.Today(clock));
    }

    /// <summary>KPI progress of every running grant that has KPIs, computed by the return itself so the two never disagree.</summary>
    public async Task<IReadOnlyList<GrantKpiProgress>> KpiProgressAsync(WorkspaceAccess access, FundingOverview overview, CancellationToken ct)
    {
        var progress = new List<GrantKpiProgress>();
        foreach (var grant in overview.LiveGrants.Where(g => g.Kpis.Count > 0))
        {
            var toDate = await returns.ComputeAsync(access, grant.Id, grant.Terms.StartsOn, overview.Today, ct);
            if (toDate.Sections.FirstOrDefault(s => s.Key == "kpis") is { } kpis) progress.Add(new GrantKpiProgress(grant, kpis));
        }
        return progress;
    }
}
