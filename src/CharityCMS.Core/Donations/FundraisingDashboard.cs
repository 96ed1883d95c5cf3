using CharityCMS.Workspaces;
using Marten;

namespace CharityCMS.Donations;

public sealed record MonthOfGiving(DateOnly Month, long OneOffPence, long MonthlyPence)
{
    public long TotalPence => OneOffPence + MonthlyPence;
}

public sealed record CampaignGiving(string Campaign, long RaisedPence, int Gifts)
{
    /// <summary>The campaign's title and target, when the campaign is still on the workspace's list.</summary>
    public string? Title { get; init; }
    public decimal? TargetPounds { get; init; }
}

/// <summary>
/// What the fundraising dashboard shows, worked out from the gifts alone (pure, so every figure can be
/// checked without a database): money kept after refunds, by London month over the last twelve
/// months, by campaign, one-off against monthly, and the monthly income the active gifts bring.
/// </summary>
public sealed record FundraisingOverview(
    IReadOnlyList<MonthOfGiving> Months,
    IReadOnlyList<CampaignGiving> Campaigns,
    long OneOffPence,
    long MonthlyPence,
    long RefundedPence,
    long MonthlyRecurringPence,
    int ActiveMonthlyGifts)
{
    public const int MonthsShown = 12;

    public long TotalPence => OneOffPence + MonthlyPence;

    /// <summary>Gift Aid in confirmed claims, ever.</summary>
    public long GiftAidClaimedPence { get; init; }

    /// <summary>Gift Aid on the gifts that could go in a claim today.</summary>
    public long GiftAidClaimablePence { get; init; }

    public static FundraisingOverview From(IEnumerable<Donation> donations, IEnumerable<RecurringGift> recurringGifts, DateOnly today)
    {
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var firstMonth = thisMonth.AddMonths(1 - MonthsShown);
        var received = donations.Where(d => d.IsReceived && UkCalendar.DateOf(d.ReceivedAt!.Value) >= firstMonth).ToList();
        var months = Enumerable.Range(0, MonthsShown).Select(i => firstMonth.AddMonths(i)).Select(month =>
        {
            var inMonth = received.Where(d => MonthOf(d) == month).ToList();
            return new MonthOfGiving(month, inMonth.Where(d => d.Kind == DonationKind.OneOff).Sum(d => d.NetPence),
                inMonth.Where(d => d.Kind == DonationKind.Monthly).Sum(d => d.NetPence));
        }).ToList();
        var campaigns = received.Where(d => d.Campaign is not null).GroupBy(d => d.Campaign!)
            .Select(g => new CampaignGiving(g.Key, g.Sum(d => d.NetPence), g.Count()))
            .OrderByDescending(c => c.RaisedPence).ThenBy(c => c.Campaign, StringComparer.Ordinal)
            .ToList();
        var active = recurringGifts.Where(g => g.IsActive).ToList();
        return new FundraisingOverview(months, campaigns,
            received.Where(d => d.Kind == DonationKind.OneOff).Sum(d => d.NetPence),
            received.Where(d => d.Kind == DonationKind.Monthly).Sum(d => d.NetPence),
            received.Sum(d => Math.Min(d.RefundedPence, d.AmountPence)),
            active.Sum(g => g.MonthlyAmountPence), active.Count);
    }

    private static DateOnly MonthOf(Donation donation)
    {
        var day = UkCalendar.DateOf(donation.ReceivedAt!.Value);
        return new DateOnly(day.Year, day.Month, 1);
    }
}

/// <summary>Reads the workspace's gifts for the fundraising dashboard. Fundraisers and workspace admins only.</summary>
public sealed class FundraisingDashboard(IDocumentStore store, GiftAid.GiftAidClaims claims, Campaigns campaigns, TimeProvider clock)
{
    public async Task<FundraisingOverview> OverviewAsync(WorkspaceAccess access, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.Fundraising, "see the fundraising dashboard");
        var today = UkCalendar.Today(clock);
        var since = UkCalendar.At(new DateOnly(today.Year, today.Month, 1).AddMonths(1 - FundraisingOverview.MonthsShown), TimeOnly.MinValue);
        await using var session = store.QuerySession(access.WorkspaceId);
        var donations = await session.Query<Donation>().Where(d => d.ReceivedAt >= since).ToListAsync(ct);
        var gifts = await session.Query<RecurringGift>().Where(g => g.EndedAt == null).ToListAsync(ct);
        var position = await claims.PositionAsync(access, ct);
        var confirmed = (await claims.ListAsync(access, ct)).Where(c => c.Status == GiftAid.ClaimStatus.Confirmed);
        var overview = FundraisingOverview.From(donations, gifts, today);
        var known = (await campaigns.ListAsync(access, ct)).ToDictionary(c => c.Id);
        return overview with
        {
            Campaigns = overview.Campaigns
                .Select(c => known.TryGetValue(c.Campaign, out var campaign) ? c with { Title = campaign.Title, TargetPounds = campaign.TargetPounds } : c)
                .ToList(),
            GiftAidClaimedPence = confirmed.Sum(c => c.GiftAidPence),
            GiftAidClaimablePence = position.Eligible.Sum(g => GiftAid.GiftAidRules.GiftAidOn(g.Gift.AmountPence)),
        };
    }
}
