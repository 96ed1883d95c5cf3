using CharityCMS.Browser.Tests.Pages;
using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.Demo;
using CharityCMS.Referrals;
using CharityCMS.TestSupport;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CharityCMS.Browser.Tests;

public class ReferralTests(Chromium chromium, BrowserApp app) : BrowserTest(chromium, app), IClassFixture<BrowserApp>
{
    private const string Name = "Bianca Browsertest";
    private const string Number = "07700 900654";

    [Fact]
    public async Task A_self_referral_reaches_the_queue_is_accepted_into_a_new_client_with_a_case_and_first_contact_is_logged()
    {
        // A woman opens the public form on her phone, without signing in.
        var visitor = await NewWindowAsync(390, 844);
        var form = new SelfReferralFormPage(visitor);
        await form.OpenAsync(DemoStaff.Riverside);
        Assert.Equal(1, await visitor.Locator("[data-quick-exit]").CountAsync());
        await AssertAccessibleAsync(visitor);
        await ScreenshotAsync(visitor, "public-form");

        // Sent empty, it asks kindly for what is missing.
        await form.SendAsync();
        await visitor.Locator("#form-errors").WaitForAsync();
        Assert.Contains(await form.ErrorsAsync(), e => e.EndsWith("Tell us a name we can use for you.", StringComparison.Ordinal));
        await AssertAccessibleAsync(visitor);
        await ScreenshotAsync(visitor, "public-form-refused");

        await form.FillAsync("What name should we use for you?", Name);
        await form.FillAsync("Or your age (optional)", "34");
        await form.FillAsync("A phone number we can use (optional)", Number);
        await form.TickAsync("Call you?");
        await form.TickAsync("Send a text?");
        await form.FillAsync("When is it safe to contact you? Anything else we should know (optional)", "Weekday mornings, before 11.");
        await form.FillAsync("Tell us in your own words (optional)", "I need to talk to someone about my partner.");
        await form.TickAsync("Riverside Women's Aid may contact me in the ways I have said are safe");
        await ScreenshotAsync(visitor, "public-form-filled");
        await form.SendAsync();

        await visitor.WaitForURLAsync($"**/refer/{DemoStaff.Riverside}/thanks");
        Assert.DoesNotContain("Bianca", await visitor.ContentAsync());
        Assert.DoesNotContain(Number, await visitor.ContentAsync());
        await AssertAccessibleAsync(visitor);
        await ScreenshotAsync(visitor, "public-thanks");

        // The manager finds it waiting in the triage queue.
        var manager = await SignInAsync("Grace Okoro");
        await GoToAsync(manager, "/referrals");
        var queue = new ReferralQueuePage(manager);
        Assert.Contains(Name, await queue.WaitingNamesAsync());
        await AssertAccessibleAsync(manager);
        await ScreenshotAsync(manager, "queue");

        await queue.OpenAsync(Name);
        var referral = new ReferralDetailPage(manager);
        Assert.Contains("Waiting for triage", await referral.StatusAsync());
        Assert.Contains("safe to call, text; no voicemail", await referral.SafeContactAsync());
        await AssertAccessibleAsync(manager);
        await ScreenshotAsync(manager, "referral-untriaged");

        // She accepts it into a new client, with an IDVA case for Hannah.
        await referral.AcceptIntoNewClientAsync("IDVA", "Hannah Price");
        Assert.Contains("RWA-", await referral.StatusAsync());
        await AssertAccessibleAsync(manager);
        await ScreenshotAsync(manager, "referral-accepted");

        // A voicemail is refused before it is even sent: the number is not safe for one.
        await referral.ChooseAsync("How", "Voicemail");
        await referral.ChooseAsync("Which number", $"{Number} (Her number)");
        Assert.Contains("not safe to leave a voicemail", await referral.RefusalAsync());
        await ScreenshotAsync(manager, "voicemail-refused");

        // A call is safe; it is logged and the time to first contact appears.
        await referral.LogAttemptAsync("Phone call", $"{Number} (Her number)", reached: true, note: "Spoke briefly; she will call back on Monday.");
        await manager.Locator("#contact-attempts li").First.WaitForAsync();
        Assert.Contains("Phone call to 07700 900654: reached her", (await referral.AttemptsAsync())[0]);
        Assert.Contains("First contact made", await referral.TimeToFirstContactAsync());
        await AssertAccessibleAsync(manager);
        await ScreenshotAsync(manager, "first-contact-logged");

        // On a phone, the caseworker reads the same page: nothing overflows, axe finds nothing serious.
        var phone = await SignInAsync("Hannah Price", 360, 740);
        await GoToAsync(phone, new Uri(manager.Url).AbsolutePath);
        await phone.Locator("#contact-attempts li").First.WaitForAsync();
        await AssertAccessibleAsync(phone);
        Assert.True(await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0);
        await ScreenshotAsync(phone, "referral-on-a-phone");

        await using var session = App.Store.QuerySession(DemoStaff.Riverside);
        var stored = await session.Query<Referral>().SingleAsync(r => r.Person.Name == Name);
        var client = await session.LoadAsync<Client>(stored.ClientId!.Value);
        var opened = await session.LoadAsync<Case>(stored.CaseId!.Value);
        Assert.Equal(Name, client!.Details.LegalName);
        Assert.Equal((CaseService.Idva, "Hannah Price"), (opened!.Service, opened.Worker!.Name));
        Assert.Single(stored.Attempts);
    }

    [Fact]
    public async Task A_caseworker_sees_a_possible_match_outside_her_caseload_by_reference_only_and_is_told_how_to_link_it()
    {
        var born = new DateOnly(1984, 6, 2);
        var registration = SampleClients.Registration("Olive Outsider", phone: "07700 900611");
        var outside = await App.RegisterClientAsync(DemoStaff.Riverside, registration with { Details = registration.Details with { DateOfBirth = born } });
        var referralId = await App.Services.GetRequiredService<ReceiveReferralHandler>().HandleAsync(await App.ManagerAsync(DemoStaff.Riverside),
            SampleReferrals.FromPolice(DateTimeOffset.UtcNow.AddDays(-1), "Olive Outsider", born), default);

        var caseworker = await SignInAsync("Hannah Price");
        await GoToAsync(caseworker, $"/referrals/{referralId}");
        var referral = new ReferralDetailPage(caseworker);
        var suggestions = caseworker.Locator("#triage fieldset").First;
        await referral.ChooseClientAsync($"{outside.Reference}: outside your caseload");

        Assert.DoesNotContain("Olive", await suggestions.InnerTextAsync());
        Assert.DoesNotContain("1984", await suggestions.InnerTextAsync());
        Assert.Contains("open her record and say why you need it", await caseworker.Locator("#link-outside-caseload").InnerTextAsync());
        Assert.Equal(0, await caseworker.GetByLabel("Allocate to", new() { Exact = true }).CountAsync());
        await referral.ChooseAsync("Open a case under", "IDVA");
        await referral.AcceptAsync();
        Assert.Contains("Ask a manager to accept it", await referral.TriageRefusalAsync());
        await AssertAccessibleAsync(caseworker);
        await ScreenshotAsync(caseworker, "match-outside-caseload");

        // The manager sees who the suggestion is.
        var manager = await SignInAsync("Grace Okoro");
        await GoToAsync(manager, $"/referrals/{referralId}");
        await manager.GetByLabel($"{outside.Reference}: Olive Outsider, born 2 Jun 1984 (same date of birth)", new() { Exact = true }).WaitForAsync();
        await ScreenshotAsync(manager, "match-as-a-manager");
    }

    [Fact]
    public async Task A_caseworker_linking_to_a_client_she_reaches_by_breaking_the_glass_leaves_the_case_for_a_manager()
    {
        var outside = await App.RegisterClientAsync(DemoStaff.Riverside, SampleClients.Registration("Bryony Brokenglass", phone: "07700 900612"));
        var hannah = await App.AccessAsync(DemoStaff.Riverside, "Hannah Price");
        await App.Services.GetRequiredService<CaseloadGuard>().BreakGlassAsync(hannah, outside.ClientId, "She called the duty line about this referral.", default);
        var referralId = await App.ReceiveReferralAsync(DemoStaff.Riverside, "Bryony Brokenglass");

        var caseworker = await SignInAsync("Hannah Price");
        await GoToAsync(caseworker, $"/referrals/{referralId}");
        var referral = new ReferralDetailPage(caseworker);
        await caseworker.GetByLabel("Allocate the case to me").CheckAsync();
        await referral.ChooseClientAsync($"{outside.Reference}: Bryony Brokenglass, born 12 Apr 1990");

        Assert.Contains("waits for a manager", await caseworker.Locator("#case-waits").InnerTextAsync());
        Assert.Equal(0, await caseworker.GetByLabel("Allocate the case to me").CountAsync());
        await ScreenshotAsync(caseworker, "triage-break-glass-client");
        await referral.ChooseAsync("Open a case under", "IDVA");
        await referral.AcceptAsync();
        await caseworker.Locator("#referral-status", new() { HasText = "Accepted by" }).WaitForAsync();
        await using var session = App.Store.QuerySession(DemoStaff.Riverside);
        var opened = await session.Query<Case>().SingleAsync(c => c.ReferralId == referralId);
        Assert.Equal(outside.ClientId, opened.ClientId);
        Assert.Null(opened.WorkerId);
    }

    [Fact]
    public async Task An_agency_referral_is_recorded_after_an_empty_form_is_refused_consent_is_confirmed_and_it_is_declined_with_a_reason()
    {
        var caseworker = await SignInAsync("Hannah Price");
        await GoToAsync(caseworker, "/referrals/new");
        await AssertAccessibleAsync(caseworker);
        await ScreenshotAsync(caseworker, "new-referral");

        await caseworker.Locator("#save-referral").ClickAsync();
        await caseworker.Locator("#form-errors").WaitForAsync();
        Assert.Contains("Enter the referring organisation.", await caseworker.Locator("#form-errors").InnerTextAsync());
        await AssertAccessibleAsync(caseworker);

        await caseworker.GetByLabel("Referring organisation", new() { Exact = true }).FillAsync("Leeds Teaching Hospitals");
        await caseworker.GetByLabel("Reason for the referral", new() { Exact = true }).FillAsync("Disclosed at A&E; agreed to a referral.");
        await caseworker.GetByLabel("Her name", new() { Exact = true }).FillAsync("Agnes Agencyref");
        await caseworker.GetByLabel("Date of birth not known", new() { Exact = true }).CheckAsync();
        await caseworker.GetByLabel("Phone number 1", new() { Exact = true }).FillAsync("07700 900765");
        await caseworker.GetByLabel("Safe to send a text", new() { Exact = true }).CheckAsync();
        await ScreenshotAsync(caseworker, "new-referral-filled");
        await caseworker.Locator("#save-referral").ClickAsync();
        await caseworker.Locator("#first-contact").WaitForAsync();
        Assert.Contains("Agnes Agencyref", await caseworker.Locator("h1").InnerTextAsync());
        await ScreenshotAsync(caseworker, "agency-referral-saved");

        // Referred without her consent: no attempt can be logged until the worker records how consent was confirmed.
        await caseworker.Locator("#no-consent").WaitForAsync();
        Assert.Equal(0, await caseworker.Locator("#log-attempt").CountAsync());
        await caseworker.GetByLabel("How was her consent confirmed?", new() { Exact = true }).FillAsync("The referring nurse asked her on the ward; she agreed.");
        await caseworker.Locator("#confirm-consent").ClickAsync();
        await caseworker.Locator("#log-attempt").WaitForAsync();
        await AssertAccessibleAsync(caseworker);

        // Declined: a reason is required, then the decision shows who made it.
        await caseworker.GetByLabel("Decline", new() { Exact = true }).CheckAsync();
        await caseworker.Locator("#decline-referral").ClickAsync();
        await caseworker.GetByText("Say why the referral is declined.").First.WaitForAsync();
        await caseworker.GetByLabel("Why is it declined?", new() { Exact = true }).FillAsync("Lives outside our area; passed to her local service.");
        await ScreenshotAsync(caseworker, "declining");
        await caseworker.Locator("#decline-referral").ClickAsync();
        await caseworker.Locator("#referral-status", new() { HasText = "Declined by Hannah Price" }).WaitForAsync();
        Assert.Equal(0, await caseworker.Locator("#triage").CountAsync());
        await AssertAccessibleAsync(caseworker);
        await ScreenshotAsync(caseworker, "declined");
    }

    [Fact]
    public async Task A_referral_signposted_from_triage_records_where_and_leaves_the_queue()
    {
        var referralId = await App.ReceiveReferralAsync(DemoStaff.Riverside, "Sian Signposted");
        var manager = await SignInAsync("Grace Okoro");
        await GoToAsync(manager, "/referrals");
        var queue = new ReferralQueuePage(manager);
        Assert.Contains("Sian Signposted", await queue.WaitingNamesAsync());

        await queue.OpenAsync("Sian Signposted");
        var referral = new ReferralDetailPage(manager);
        await referral.SignpostAsync("Northgate Rape Crisis Centre", "She lives in their area and asked for them.");
        Assert.Contains("Signposted to Northgate Rape Crisis Centre by Grace Okoro", await referral.StatusAsync());
        Assert.Equal(0, await manager.Locator("#triage").CountAsync());
        await AssertAccessibleAsync(manager);
        await ScreenshotAsync(manager, "signposted");

        await GoToAsync(manager, "/referrals");
        Assert.DoesNotContain("Sian Signposted", await queue.WaitingNamesOrNoneAsync());
        await ScreenshotAsync(manager, "queue-after-signposting");
        await using var session = App.Store.QuerySession(DemoStaff.Riverside);
        var stored = await session.LoadAsync<Referral>(referralId);
        Assert.Equal(ReferralStatus.Signposted, stored!.Status);
        Assert.Equal("Northgate Rape Crisis Centre", stored.SignpostedTo);
    }
}
