using CharityCMS.Donations;

namespace CharityCMS.Core.Tests.Donations;

/// <summary>The dashboard's figures, worked out by hand from a small set of gifts.</summary>
public class FundraisingOverviewTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static Donation Gift(long pence, DonationKind kind, DateTimeOffset? at, long refunded = 0, string? campaign = null) => new()
    {
        AmountPence = pence, Kind = kind, ReceivedAt = at, RefundedPence = refunded, Campaign = campaign,
    };

    [Fact]
    public void Money_kept_is_counted_by_london_month_one_off_and_monthly_and_by_campaign()
    {
        var donations = new[]
        {
            Gift(2500, DonationKind.OneOff, new DateTimeOffset(2026, 11, 3, 12, 0, 0, TimeSpan.Zero), campaign: "16-days"),
            Gift(1000, DonationKind.Monthly, new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero), campaign: "16-days"),
            // 31 October 23:30 UTC is 31 October in London (GMT): October, not November.
            Gift(5000, DonationKind.OneOff, new DateTimeOffset(2026, 10, 31, 23, 30, 0, TimeSpan.Zero), refunded: 2000),
            // 31 May 23:30 UTC is 1 June in London (BST).
            Gift(700, DonationKind.Monthly, new DateTimeOffset(2026, 5, 31, 23, 30, 0, TimeSpan.Zero)),
            // Thirteen months ago: outside the twelve shown.
            Gift(9999, DonationKind.OneOff, new DateTimeOffset(2025, 10, 31, 12, 0, 0, TimeSpan.Zero)),
            // A refund whose payment has not arrived: nothing kept, nothing refunded yet.
            Gift(0, DonationKind.OneOff, null, refunded: 3000),
        };
        var monthly = new[]
        {
            new RecurringGift { MonthlyAmountPence = 1000, StartedAt = DateTimeOffset.UnixEpoch },
            new RecurringGift { MonthlyAmountPence = 700, StartedAt = DateTimeOffset.UnixEpoch },
            new RecurringGift { MonthlyAmountPence = 5000, StartedAt = DateTimeOffset.UnixEpoch, EndedAt = DateTimeOffset.UnixEpoch },
        };

        var overview = FundraisingOverview.From(donations, monthly, Today);

        Assert.Equal(12, overview.Months.Count);
        Assert.Equal((new DateOnly(2025, 12, 1), new DateOnly(2026, 11, 1)), (overview.Months[0].Month, overview.Months[^1].Month));
        Assert.Equal(new MonthOfGiving(new DateOnly(2026, 11, 1), 2500, 1000), overview.Months[^1]);
        Assert.Equal(new MonthOfGiving(new DateOnly(2026, 10, 1), 3000, 0), overview.Months[^2]);
        Assert.Equal(new MonthOfGiving(new DateOnly(2026, 6, 1), 0, 700), overview.Months.Single(m => m.Month.Month == 6));
        Assert.Equal((5500L, 1700L, 7200L, 2000L), (overview.OneOffPence, overview.MonthlyPence, overview.TotalPence, overview.RefundedPence));
        Assert.Equal([new CampaignGiving("16-days", 3500, 2)], overview.Campaigns);
        Assert.Equal((1700L, 2), (overview.MonthlyRecurringPence, overview.ActiveMonthlyGifts));
    }
}
