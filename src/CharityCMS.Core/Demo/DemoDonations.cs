using Bogus;
using CharityCMS.Donations;
using CharityCMS.Workspaces;
using Marten;

namespace CharityCMS.Demo;

/// <summary>
/// Each demo charity's online giving over the last twelve months, recorded as Stripe's verified
/// webhooks would have recorded it (the demo cannot reach Stripe): one-off and monthly donors, some
/// with Gift Aid declarations, a few refunds, a monthly gift cancelled, and gifts for the 16 days of
/// activism against gender-based violence. Stripe is connected in test mode with a key that reaches
/// nothing, so every fundraising page says the gifts are not real. Deterministic for a given seed.
/// </summary>
public sealed class DemoDonations(IDocumentStore store, StripeAccounts accounts, Campaigns campaigns, TimeProvider clock)
{
    public const string SixteenDays = "16-days";
    private const int OneOffDonors = 45;
    private const int MonthlyDonors = 18;
    private const int AppealDonors = 10;

    private static readonly long[] OneOffPence = [500, 1000, 1000, 1500, 2000, 2500, 2500, 3000, 5000, 5000, 10000, 25000];
    private static readonly long[] MonthlyPence = [500, 500, 1000, 1000, 1500, 2000, 2500];

    public async Task SeedAsync(WorkspaceAccess admin, int seed, CancellationToken ct)
    {
        await accounts.ConnectAsync(admin, new ConnectStripe($"sk_test_demo_{admin.WorkspaceId}_reaches_nothing", $"whsec_demo_{admin.WorkspaceId}_signing"), ct);
        var f = new Faker("en_GB") { Random = new Randomizer(seed) };
        var now = clock.GetUtcNow();
        var (appealStart, appealEnd) = LatestSixteenDays(now);
        var appealFirstDay = UkCalendar.DateOf(appealStart);
        await campaigns.SaveAsync(admin, new Campaign(SixteenDays, "16 days of activism against gender-based violence", 5_000m,
            appealFirstDay, appealFirstDay.AddDays(15),
            "From 25 November, the International Day for the Elimination of Violence against Women, to 10 December, Human Rights Day."), isNew: true, ct);
        await using var session = store.LightweightSession(admin.WorkspaceId);
        for (var i = 0; i < OneOffDonors + MonthlyDonors; i++)
        {
            var customer = $"cus_demo{seed}{i:D3}";
            var donorId = StripeIds.Donor(customer);
            var (first, last) = (f.Name.FirstName(), f.Name.LastName());
            // The first few gave to the latest 16 days appeal; the rest at any time in the year.
            var firstGift = i < AppealDonors
                ? appealStart.AddMinutes(f.Random.Double() * (appealEnd - appealStart).TotalMinutes)
                : now.AddDays(-f.Random.Int(1, 360)).AddMinutes(f.Random.Int(0, 600));
            var email = f.Random.Bool(0.85f) ? $"{first}.{last}{i}@example.org".ToLowerInvariant() : null;
            session.Events.Append(donorId, new DonorRecorded(customer, $"{first} {last}", email, email is not null && f.Random.Bool(0.6f), firstGift));
            if (f.Random.Bool(0.6f))
                session.Events.Append(donorId, new GiftAidDeclarationMade(Guid.CreateVersion7(firstGift),
                    new GiftAidDeclarant(f.PickRandom("Mrs", "Ms", "Miss", "Mr", "Dr", null), first, last, f.Random.Int(1, 240).ToString(),
                        $"{f.Address.StreetName()}, {f.Address.City()}", Postcode(f, admin.WorkspaceId)),
                    DeclarationMethod.Online, UkCalendar.DateOf(firstGift), firstGift));
            if (i < OneOffDonors) OneOffGifts(session, f, donorId, customer, firstGift, now);
            else MonthlyGift(session, f, donorId, customer, firstGift, now, cancel: i >= OneOffDonors + MonthlyDonors - 3);
        }
        await session.SaveChangesAsync(ct);
    }

    private static void OneOffGifts(IDocumentSession session, Faker f, Guid donorId, string customer, DateTimeOffset first, DateTimeOffset now)
    {
        var at = first;
        for (var n = 0; n < f.Random.Int(1, 3) && at <= now; n++)
        {
            var paymentIntent = $"pi_demo_{customer}_{n}";
            var pence = f.PickRandom(OneOffPence);
            session.Events.Append(StripeIds.Donation(paymentIntent),
                new DonationReceived(donorId, paymentIntent, pence, "gbp", DonationKind.OneOff, CampaignOn(at), null, at));
            // About one gift in twenty is refunded, a few of them in part.
            if (f.Random.Bool(0.05f))
                session.Events.Append(StripeIds.Donation(paymentIntent), new DonationRefunded(f.Random.Bool() ? pence : pence / 2, at.AddDays(2)));
            at = at.AddDays(f.Random.Int(30, 150));
        }
    }

    private static void MonthlyGift(IDocumentSession session, Faker f, Guid donorId, string customer, DateTimeOffset started, DateTimeOffset now, bool cancel)
    {
        var subscription = $"sub_demo_{customer}";
        var pence = f.PickRandom(MonthlyPence);
        var campaign = CampaignOn(started);
        var giftId = StripeIds.RecurringGift(subscription);
        session.Events.Append(giftId, new RecurringGiftStarted(donorId, subscription, pence, "gbp", campaign, started));
        var ends = cancel ? started.AddMonths(f.Random.Int(1, 4)).AddDays(3) : (DateTimeOffset?)null;
        for (var month = 0; started.AddMonths(month) <= now && (ends is null || started.AddMonths(month) < ends); month++)
        {
            var paymentIntent = $"pi_demo_{subscription}_{month}";
            session.Events.Append(StripeIds.Donation(paymentIntent),
                new DonationReceived(donorId, paymentIntent, pence, "gbp", DonationKind.Monthly, campaign, subscription, started.AddMonths(month)));
        }
        if (ends is { } ended && ended <= now) session.Events.Append(giftId, new RecurringGiftEnded(ended));
    }

    /// <summary>The 16 days of activism run from 25 November to 10 December: gifts made then came through its appeal.</summary>
    private static string? CampaignOn(DateTimeOffset at)
    {
        var (start, end) = LatestSixteenDays(at);
        return at >= start && at <= end ? SixteenDays : null;
    }

    /// <summary>The latest 16 days that had begun by then, up to then.</summary>
    private static (DateTimeOffset Start, DateTimeOffset End) LatestSixteenDays(DateTimeOffset at)
    {
        var day = UkCalendar.DateOf(at);
        var first = new DateOnly(day >= new DateOnly(day.Year, 11, 25) ? day.Year : day.Year - 1, 11, 25);
        var start = UkCalendar.At(first, TimeOnly.MinValue);
        var end = UkCalendar.At(first.AddDays(16), TimeOnly.MinValue).AddTicks(-1);
        return (start, end < at ? end : at);
    }

    private static string Postcode(Faker f, string workspace) =>
        $"{(workspace == DemoStaff.Northgate ? f.PickRandom("NE1", "NE6", "NE28", "DH1") : f.PickRandom("LS6", "LS11", "BD3", "WF1"))} {f.Random.Int(1, 9)}{f.Random.String2(2, "ABDEFGHJLNPQRSTUWXYZ")}";
}
