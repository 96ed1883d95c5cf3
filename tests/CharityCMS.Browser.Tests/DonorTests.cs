using CharityCMS.Demo;
using CharityCMS.Donations;
using Microsoft.Playwright;

namespace CharityCMS.Browser.Tests;

/// <summary>A fundraiser finds a donor, reads what she gave and records her answer about emails; on a desk and on a phone.</summary>
public class DonorTests(Chromium chromium, BrowserApp app) : BrowserTest(chromium, app), IClassFixture<BrowserApp>
{
    private async Task<Guid> DonorAsync(string customer, string name)
    {
        var donorId = StripeIds.Donor(customer);
        await using var session = App.Store.LightweightSession(DemoStaff.Riverside);
        var at = DateTimeOffset.UtcNow.AddDays(-20);
        session.Events.Append(donorId, new DonorRecorded(customer, name, $"{customer}@example.org", false, at));
        session.Events.Append(donorId, new GiftAidDeclarationMade(Guid.NewGuid(), new GiftAidDeclarant("Ms", name.Split(' ')[0], name.Split(' ')[1], "12", "Mill Lane, Leeds", "LS6 2AB"),
            DeclarationMethod.Online, UkCalendar.DateOf(at), at));
        session.Events.Append(StripeIds.Donation($"pi_{customer}"), new DonationReceived(donorId, $"pi_{customer}", 2500, "gbp", DonationKind.OneOff, "16-days", null, at));
        session.Events.Append(StripeIds.Donation($"pi_{customer}"), new DonationRefunded(500, at.AddDays(1)));
        session.Events.Append(StripeIds.RecurringGift($"sub_{customer}"), new RecurringGiftStarted(donorId, $"sub_{customer}", 1000, "gbp", null, at));
        session.Events.Append(StripeIds.Donation($"pi_{customer}_m"), new DonationReceived(donorId, $"pi_{customer}_m", 1000, "gbp", DonationKind.Monthly, null, $"sub_{customer}", at));
        await session.SaveChangesAsync();
        return donorId;
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task A_fundraiser_finds_a_donor_and_records_that_she_said_yes_to_emails(int width)
    {
        var customer = $"cus_browser{width}";
        await DonorAsync(customer, $"Delia Donor{width}");
        var page = await SignInAsync("Ellie Turner", width, width < 600 ? 740 : 900);

        await GoToAsync(page, "/donors");
        await page.GetByLabel("Search by name or email").FillAsync($"donor{width}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Delia Donor{width}" }).WaitForAsync();
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, $"donors-{width}");

        await page.GetByRole(AriaRole.Link, new() { Name = $"Delia Donor{width}" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = $"Delia Donor{width}", Level = 1 }).WaitForAsync();
        Assert.Equal("£30", await page.Locator("#given-in-all").InnerTextAsync());
        Assert.Contains("Ms Delia Donor", await page.Locator("#donor-declarations").InnerTextAsync());
        Assert.Contains("Active", await page.Locator("#donor-monthly").InnerTextAsync());
        Assert.StartsWith("No", await page.Locator("#email-consent").InnerTextAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "She said yes to emails" }).ClickAsync();
        await Assertions.Expect(page.Locator("#email-consent")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Yes, since "));
        await AssertAccessibleAsync(page);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the donor page is {overflow}px wider than a {width}px screen");
        await ScreenshotAsync(page, $"donor-{width}");
    }
}
