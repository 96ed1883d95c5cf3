using System.Text;
using CharityCMS.Demo;
using CharityCMS.Donations;
using Microsoft.Playwright;

namespace CharityCMS.Browser.Tests;

/// <summary>Gifts of £50, £10 and £5 from a donor with a declaration, and £30 from one without, in Riverside.</summary>
internal static class GiftAidGifts
{
    public static async Task SeedAsync(BrowserApp app, string run)
    {
        var at = DateTimeOffset.UtcNow.AddDays(-3);
        await using var session = app.Store.LightweightSession(DemoStaff.Riverside);
        var declared = StripeIds.Donor($"cus_{run}_declared");
        session.Events.Append(declared, new DonorRecorded($"cus_{run}_declared", "Gina Giver", null, false, at),
            new GiftAidDeclarationMade(Guid.NewGuid(), new GiftAidDeclarant("Mrs", "Gina", "Giver", "4", "Mill Lane, Leeds", "LS6 2AB"), DeclarationMethod.Online, UkCalendar.DateOf(at), at));
        var undeclared = StripeIds.Donor($"cus_{run}_undeclared");
        session.Events.Append(undeclared, new DonorRecorded($"cus_{run}_undeclared", "Nora Nodeclaration", null, false, at));
        foreach (var (donor, pence, n) in new[] { (declared, 5_000L, 1), (declared, 1_000L, 2), (declared, 500L, 3), (undeclared, 3_000L, 4) })
            session.Events.Append(StripeIds.Donation($"pi_{run}_{n}"), new DonationReceived(donor, $"pi_{run}_{n}", pence, "gbp", DonationKind.OneOff, null, null, at.AddHours(n)));
        await session.SaveChangesAsync();
    }
}

/// <summary>The claim journey has an app of its own: the totals it checks are all the gifts there are.</summary>
public class GiftAidJourneyTests(Chromium chromium, BrowserApp app) : BrowserTest(chromium, app), IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_fundraiser_builds_a_claim_with_small_gifts_aggregated_confirms_it_and_downloads_the_schedule()
    {
        await GiftAidGifts.SeedAsync(App, "claim");
        var page = await SignInAsync("Ellie Turner");

        await GoToAsync(page, "/giftaid");
        await page.Locator("#build-claim").ClickAsync();
        var ineligible = page.Locator("#ineligible-gifts");
        await ineligible.GetByText("No Gift Aid declaration covers the day it was given.").WaitForAsync();
        Assert.Contains("Nora Nodeclaration", await ineligible.InnerTextAsync());
        Assert.Contains("3 gifts chosen: £65.00 given, £16.25 of Gift Aid", await page.Locator("#claim-totals").InnerTextAsync());
        await page.GetByLabel("Aggregate gifts of £20 or less").CheckAsync();
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "giftaid-build");

        await page.Locator("#draft-claim").ClickAsync();
        var schedule = page.Locator("#schedule");
        await schedule.WaitForAsync();
        var rows = await schedule.Locator("tbody tr").AllInnerTextsAsync();
        Assert.Equal(2, rows.Count);
        Assert.Matches(@"^Mrs\s+Gina\s+Giver\s+4\s+LS6 2AB\s+\d{2}/\d{2}/\d{2}\s+50\.00$", rows[0].Trim());
        Assert.Matches(@"^Small one-off donations \(2\)\s+\d{2}/\d{2}/\d{2}\s+15\.00$", rows[1].Trim());
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "giftaid-review");

        var csv = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-csv").ClickAsync());
        var lines = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(await csv.PathAsync())).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.EndsWith(",15.00", lines[2]);

        await page.Locator("#confirm-claim").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await page.Locator("#claim-summary").GetByText("Confirmed", new() { Exact = true }).WaitForAsync();
        Assert.Equal(0, await page.Locator("#confirm-claim").CountAsync());
        await ScreenshotAsync(page, "giftaid-confirmed");

        await GoToAsync(page, "/giftaid/claims/new");
        await page.Locator("#eligible-gifts").GetByText("No gift can be claimed now.").WaitForAsync();
        Assert.Equal(3, await page.Locator("#ineligible-gifts").GetByText("Already in a confirmed claim.").CountAsync());
    }

}

public class GiftAidBenefitTests(Chromium chromium, BrowserApp app) : BrowserTest(chromium, app), IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_benefit_over_the_limit_moves_the_gift_out_of_the_claim_with_the_reason()
    {
        await GiftAidGifts.SeedAsync(App, "benefit");
        var page = await SignInAsync("Fiona Murray");
        await GoToAsync(page, "/giftaid/claims/new");
        var form = page.Locator("#record-benefit");
        await form.WaitForAsync();

        await page.Locator("#save-benefit").ClickAsync();
        await form.GetByText("Enter what the benefit was worth, more than £0.").WaitForAsync();
        await form.GetByText("Say what she received.").WaitForAsync();

        // £50 allows £12.50 of benefits: a £12.51 dinner is over.
        await form.GetByLabel("For the gift").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Gina Giver", Exact = false }).Filter(new() { HasText = "£50.00" }).ClickAsync();
        await page.GetByRole(AriaRole.Listbox).WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await form.GetByLabel("Worth (£)").FillAsync("12.51");
        await form.GetByLabel("What she received").FillAsync("Gala dinner");
        await page.Locator("#save-benefit").ClickAsync();

        await page.Locator("#ineligible-gifts").GetByText("The donor received a benefit over the limit for this gift.").WaitForAsync();
        Assert.Contains("2 gifts chosen: £15.00 given", await page.Locator("#claim-totals").InnerTextAsync());
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task A_caseworker_sees_no_Gift_Aid_in_the_menu_and_is_refused_the_page()
    {
        var page = await SignInAsync("Hannah Price");

        await GoToAsync(page, "/");
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Gift Aid" }).CountAsync());
        await page.GotoAsync("/giftaid");
        await page.GetByRole(AriaRole.Heading, new() { Name = "You do not have access to that page" }).WaitForAsync();
    }
}
