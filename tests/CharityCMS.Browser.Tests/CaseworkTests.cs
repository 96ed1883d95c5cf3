using CharityCMS.Audit;
using CharityCMS.Browser.Tests.Pages;
using CharityCMS.Clients;
using CharityCMS.Demo;
using CharityCMS.Notifications;
using CharityCMS.TestSupport;
using Marten;
using Microsoft.Playwright;

namespace CharityCMS.Browser.Tests;

public class CaseworkTests(Chromium chromium, BrowserApp app) : BrowserTest(chromium, app), IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_caseworker_opens_a_case_logs_safe_contacts_is_refused_an_unsafe_one_and_builds_a_safety_plan()
    {
        var client = await App.RegisterClientAsync(DemoStaff.Riverside, SampleClients.Registration("Maya Casework"), allocateTo: "Hannah Price");
        var page = await SignInAsync("Hannah Price");

        await GoToAsync(page, $"/clients/{client.ClientId}");
        await page.Locator("#open-a-case").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the case" }).WaitForAsync();
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "open-a-case");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the case" }).ClickAsync();
        var casePage = new CasePage(page);
        await casePage.WhenOpenAsync();
        await page.Locator("#safe-contact").WaitForAsync();
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "case-opened-safe-contact-first");

        await casePage.LogContactAsync("Phone call", "Agreed a code word for calls.");
        await casePage.ContactLog.GetByText("Agreed a code word for calls.").WaitForAsync();

        await casePage.LogContactAsync("Voicemail (not safe)", "Left a message.");
        Assert.Contains("not safe to leave a voicemail", await casePage.RefusalAsync("contact-refusal"));
        Assert.Equal(0, await casePage.ContactLog.GetByText("Left a message.").CountAsync());
        await ScreenshotAsync(page, "unsafe-voicemail-refused");

        await casePage.AddSafetyActionAsync("Panic alarm fitted", "Police");
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "safety-plan");
        await casePage.RecordIncidentAsync("Threats at the school gate.");
        await casePage.TabAsync("Timeline");
        await page.Locator("#case-timeline").GetByText("Safety plan: Panic alarm fitted").WaitForAsync();
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "timeline");

        await GoToAsync(page, "/caseload");
        await page.Locator("#my-caseload").GetByText("Maya Casework").First.WaitForAsync();
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "my-caseload");
    }

    [Fact]
    public async Task A_caseworker_opening_a_client_outside_her_caseload_must_give_a_reason_which_is_audited_and_told_to_managers()
    {
        var client = await App.RegisterClientAsync(DemoStaff.Riverside, SampleClients.Registration("Nadia Outsidecase"), allocateTo: "Grace Okoro");
        var page = await SignInAsync("Hannah Price");

        await GoToAsync(page, $"/clients/{client.ClientId}");
        await page.Locator("#outside-caseload").WaitForAsync();
        Assert.DoesNotContain("Nadia", await page.ContentAsync());
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "break-glass-prompt");

        await page.Locator("#break-glass-open").ClickAsync();
        await page.GetByText("Say why you need this record").WaitForAsync();
        Assert.Equal(0, await page.Locator("#safe-contact").CountAsync());

        await page.GetByLabel("Why do you need this record?").FillAsync("Covering the duty line; she called in crisis.");
        await page.Locator("#break-glass-open").ClickAsync();
        await page.Locator("#safe-contact").WaitForAsync();
        await ScreenshotAsync(page, "break-glass-opened");

        await using var session = App.Store.QuerySession(DemoStaff.Riverside);
        Assert.True(await session.Query<AuditEntry>().AnyAsync(a => a.Action == AuditAction.BreakGlassOpening && a.SubjectId == client.ClientId));
        Assert.True(await session.Query<Notification>().AnyAsync(n => n.Kind == NotificationKind.BreakGlassOpening && n.Link == $"/clients/{client.ClientId}"));
    }

    [Theory]
    [InlineData(true, false, "do not disclose")]
    [InlineData(false, true, "refuge address")]
    public async Task A_confidential_address_is_not_in_the_page_until_revealed_with_a_reason_and_the_reveal_is_audited(bool doNotDisclose, bool refuge, string withheld)
    {
        var registration = SampleClients.Registration("Rhea Hiddenaddress");
        var client = await App.RegisterClientAsync(DemoStaff.Riverside,
            registration with { Address = new PostalAddress("7 Secret Refuge Road", null, "Leeds", "LS2 9ZZ", doNotDisclose, refuge) }, allocateTo: "Hannah Price");
        var page = await SignInAsync("Hannah Price");

        await GoToAsync(page, $"/clients/{client.ClientId}");
        await page.Locator("#safe-contact").WaitForAsync();
        Assert.DoesNotContain("Secret Refuge Road", await page.ContentAsync());
        Assert.Contains($"Address withheld: {withheld}", await page.Locator(".address-withheld").InnerTextAsync());
        await ScreenshotAsync(page, $"address-withheld-{withheld.Replace(' ', '-')}");

        await page.Locator("#reveal-address").ClickAsync();
        await page.Locator("#reveal-confirm").ClickAsync();
        await page.GetByText("Say why you need to see this address").WaitForAsync();
        Assert.DoesNotContain("Secret Refuge Road", await page.ContentAsync());

        await page.GetByLabel("Why do you need to see this address?").FillAsync("Booking the locksmith for the sanctuary scheme.");
        await page.Locator("#reveal-confirm").ClickAsync();
        await page.Locator("#address-revealed").WaitForAsync();
        Assert.Contains("Secret Refuge Road", await page.ContentAsync());
        await ScreenshotAsync(page, $"address-revealed-{withheld.Replace(' ', '-')}");

        await using (var session = App.Store.QuerySession(DemoStaff.Riverside))
        {
            var audit = await session.Query<AuditEntry>().SingleAsync(a => a.Action == AuditAction.ConfidentialAddressRevealed && a.SubjectId == client.ClientId);
            Assert.Equal("Booking the locksmith for the sanctuary scheme.", audit.Detail);
        }

        await GoToAsync(page, $"/clients/{client.ClientId}");
        await page.Locator("#safe-contact").WaitForAsync();
        Assert.DoesNotContain("Secret Refuge Road", await page.ContentAsync());
    }

    [Fact]
    public async Task A_perpetrator_recorded_on_her_file_shows_on_her_record_and_nowhere_in_the_client_list()
    {
        var client = await App.RegisterClientAsync(DemoStaff.Riverside, SampleClients.Registration("Sana Perpfile"), allocateTo: "Hannah Price");
        var page = await SignInAsync("Hannah Price");
        await GoToAsync(page, $"/clients/{client.ClientId}");

        await page.Locator("#add-perpetrator").ClickAsync();
        await page.GetByLabel("His name").FillAsync("Corvin Ashdown");
        await page.GetByLabel("Bail or order conditions (optional)").FillAsync("Not to contact her directly or indirectly.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save perpetrator" }).ClickAsync();
        await page.Locator(".perpetrator").GetByText("Corvin Ashdown").WaitForAsync();
        await page.Locator("#add-child").ClickAsync();
        await page.GetByLabel("Child's name").FillAsync("Lily");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save child" }).ClickAsync();
        await page.Locator("#children").GetByText("Lily").WaitForAsync();
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "record-with-people-on-file");

        await GoToAsync(page, "/clients");
        await new ClientListPage(page).SearchAsync("Ashdown");
        await page.GetByText("No client matches that search.").WaitForAsync();
        Assert.DoesNotContain("Corvin", await page.ContentAsync());
    }

    [Fact]
    public async Task A_manager_sees_the_team_caseload_and_the_casework_settings()
    {
        var client = await App.RegisterClientAsync(DemoStaff.Riverside, SampleClients.Registration("Tara Teamview"));
        await App.OpenCaseAsync(DemoStaff.Riverside, client.ClientId, "Hannah Price");
        var page = await SignInAsync("Grace Okoro");

        await GoToAsync(page, "/caseload/team");
        await page.Locator("#team-caseload").GetByText("Hannah Price").WaitForAsync();
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "team-caseload");

        await GoToAsync(page, "/settings/casework");
        await page.GetByLabel("High risk from").FillAsync("9");
        await page.GetByLabel("Medium risk from").FillAsync("10");
        await page.Locator("#save-settings").ClickAsync();
        await page.GetByText("High risk must start above medium risk").First.WaitForAsync();
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "settings-refused");
    }
}
