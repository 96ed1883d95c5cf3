using CharityCMS.Audit;
using CharityCMS.Browser.Tests.Pages;
using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.Demo;
using CharityCMS.LinkedPeople;
using CharityCMS.Notifications;
using CharityCMS.TestSupport;
using Marten;
using Microsoft.Extensions.DependencyInjection;
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
    public async Task My_caseload_is_sorted_filtered_and_narrowed_to_the_overdue_by_the_controls_above_it()
    {
        var world = new CaseworkWorld(App.Services, TimeProvider.System);
        var manager = await App.ManagerAsync(DemoStaff.Riverside);
        foreach (var name in new[] { "Bea Sortwell", "Cleo Sortwell" })
            await App.RegisterClientAsync(DemoStaff.Riverside, SampleClients.Registration(name), allocateTo: "Hannah Price");
        var overdue = await App.RegisterClientAsync(DemoStaff.Riverside, SampleClients.Registration("Ada Sortwell"));
        var overdueCase = await App.OpenCaseAsync(DemoStaff.Riverside, overdue.ClientId, "Hannah Price");
        await world.AddSafetyActionAsync(manager, overdueCase, UkCalendar.Today(TimeProvider.System).AddDays(-2));
        var page = await SignInAsync("Hannah Price");
        var caseload = new MyCaseloadPage(page);

        await GoToAsync(page, "/caseload");
        await caseload.FilterAsync("Sortwell");
        await Assertions.Expect(caseload.ClientNames).ToHaveCountAsync(3);

        await caseload.SortByAsync("Client");
        await Assertions.Expect(caseload.ClientNames).ToHaveTextAsync(["Ada Sortwell", "Bea Sortwell", "Cleo Sortwell"]);
        await caseload.SortByAsync("Client");
        await Assertions.Expect(caseload.ClientNames).ToHaveTextAsync(["Cleo Sortwell", "Bea Sortwell", "Ada Sortwell"]);

        await caseload.FilterAsync("Bea Sort");
        await Assertions.Expect(caseload.ClientNames).ToHaveTextAsync(["Bea Sortwell"]);

        await caseload.FilterAsync("Sortwell");
        await caseload.OverdueOnlyAsync();
        await Assertions.Expect(caseload.ClientNames).ToHaveTextAsync(["Ada Sortwell"]);
        await ScreenshotAsync(page, "my-caseload-overdue-only");
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

    [Fact]
    public async Task A_safety_plan_review_kept_through_someone_elses_save_shows_in_the_actions_history()
    {
        var client = await App.RegisterClientAsync(DemoStaff.Riverside, SampleClients.Registration("Esme Safetyplan"));
        var caseId = await App.OpenCaseAsync(DemoStaff.Riverside, client.ClientId, "Hannah Price");
        var manager = await App.ManagerAsync(DemoStaff.Riverside);
        var plan = App.Services.GetRequiredService<SafetyPlanHandler>();
        var reviewBy = UkCalendar.Today(TimeProvider.System).AddDays(7);
        await plan.AddAsync(manager, new AddSafetyPlanAction(caseId, "Panic alarm fitted", "Police", reviewBy), default);
        var page = await SignInAsync("Hannah Price");
        await GoToAsync(page, $"/cases/{caseId}");
        var casePage = new CasePage(page);
        await casePage.WhenOpenAsync();
        await casePage.TabAsync("Safety plan");

        await casePage.StartReviewAsync("Panic alarm fitted", "In progress", "Engineer booked for Friday.");
        await plan.AddAsync(manager, new AddSafetyPlanAction(caseId, "Locks changed", "Housing association", reviewBy), default);
        await casePage.SaveReviewAsync();

        Assert.Contains($"{manager.Member.Name} changed this case", await casePage.RefusalAsync("safety-refusal"));
        await ScreenshotAsync(page, "safety-review-stale");
        await casePage.LoadTheLatestAsync("safety-refusal");
        await casePage.SafetyAction("Locks changed").WaitForAsync();
        Assert.Equal("Engineer booked for Friday.", await page.GetByLabel("Review note").InputValueAsync());
        await casePage.SaveReviewAsync();
        await page.Locator("#review-safety-action").WaitForAsync(new() { State = WaitForSelectorState.Detached });

        var history = await casePage.ReviewHistoryAsync("Panic alarm fitted");
        Assert.Equal(2, history.Count);
        Assert.Contains("Hannah Price: In progress", history[0]);
        Assert.Contains("Engineer booked for Friday.", history[0]);
        Assert.Contains("Planned", history[1]);
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "safety-review-history");
    }

    [Fact]
    public async Task A_review_opened_before_a_colleagues_review_is_refused_even_after_her_own_save_reloads_the_case()
    {
        var client = await App.RegisterClientAsync(DemoStaff.Riverside, SampleClients.Registration("Freya Formopened"));
        var caseId = await App.OpenCaseAsync(DemoStaff.Riverside, client.ClientId, "Hannah Price");
        var manager = await App.ManagerAsync(DemoStaff.Riverside);
        var plan = App.Services.GetRequiredService<SafetyPlanHandler>();
        var reviewBy = UkCalendar.Today(TimeProvider.System).AddDays(7);
        var added = await plan.AddAsync(manager, new AddSafetyPlanAction(caseId, "Panic alarm fitted", "Police", reviewBy), default);
        var page = await SignInAsync("Hannah Price");
        await GoToAsync(page, $"/cases/{caseId}");
        var casePage = new CasePage(page);
        await casePage.WhenOpenAsync();
        await casePage.TabAsync("Safety plan");
        Assert.Equal(0, await casePage.SafetyAction("Panic alarm fitted").Locator("details.review-history").CountAsync());

        await casePage.StartReviewAsync("Panic alarm fitted", "Done", "Fitted on Friday.");
        await plan.ReviewAsync(manager, new ReviewSafetyPlanAction(caseId, added.Version, added.SafetyPlan.Single().Id,
            SafetyActionStatus.InProgress, reviewBy, "Engineer delayed."), default);
        await casePage.AddSafetyActionAsync("Locks changed", "Housing association");
        await casePage.SaveReviewAsync();

        // Her own save was the last change, so the refusal names her; what matters is that nothing was saved.
        Assert.Contains("changed this case", await casePage.RefusalAsync("safety-refusal"));
        var history = await casePage.ReviewHistoryAsync("Panic alarm fitted");
        Assert.Contains($"{manager.Member.Name}: In progress", history[0]);
        Assert.DoesNotContain(history, h => h.Contains("Fitted on Friday."));
        Assert.Equal(0, await casePage.SafetyAction("Locks changed").Locator("details.review-history").CountAsync());
        await ScreenshotAsync(page, "safety-review-opened-before-a-colleagues");
    }

    [Fact]
    public async Task An_onward_referrals_status_change_keeps_its_note_in_the_status_history()
    {
        var client = await App.RegisterClientAsync(DemoStaff.Riverside, SampleClients.Registration("Iris Onward"));
        var caseId = await App.OpenCaseAsync(DemoStaff.Riverside, client.ClientId, "Hannah Price");
        var page = await SignInAsync("Hannah Price");
        await GoToAsync(page, $"/cases/{caseId}");
        var casePage = new CasePage(page);
        await casePage.WhenOpenAsync();

        await casePage.MakeOnwardReferralAsync("Leeds Housing Options");
        await casePage.ChangeOnwardReferralStatusAsync("Leeds Housing Options", "Declined", "No space until March; they will keep her on the list.");

        var history = await casePage.StatusHistoryAsync("Leeds Housing Options");
        Assert.Contains("Hannah Price: Declined", Assert.Single(history));
        Assert.Contains("No space until March; they will keep her on the list.", history[0]);
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "onward-referral-status-history");
    }

    [Fact]
    public async Task The_number_used_and_the_closing_reason_each_show_their_message_beside_the_field()
    {
        var registration = SampleClients.Registration("Wren Nophone");
        var client = await App.RegisterClientAsync(DemoStaff.Riverside, registration with { Contact = new ClientContactDetails([], null, null) });
        var caseId = await App.OpenCaseAsync(DemoStaff.Riverside, client.ClientId, "Hannah Price");
        var page = await SignInAsync("Hannah Price");
        await GoToAsync(page, $"/cases/{caseId}");
        var casePage = new CasePage(page);
        await casePage.WhenOpenAsync();

        await casePage.LogContactAsync("Phone call (not safe)", "Tried her mobile.");
        Assert.Equal("Choose which of her numbers you used.", await page.SelectMessageAsync("Number used"));
        await ScreenshotAsync(page, "number-used-message");

        await casePage.TabAsync("Case details");
        await page.Locator("#close-case").ClickAsync();
        Assert.Equal("Choose why the case is closing.", await page.SelectMessageAsync("Reason"));
        Assert.Equal("Open", (await page.Locator("#case-status").InnerTextAsync()).Trim());
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "closing-reason-message");
    }

    [Fact]
    public async Task A_child_edited_after_someone_elses_save_keeps_what_was_typed_and_saves_after_loading_the_latest()
    {
        var client = await App.RegisterClientAsync(DemoStaff.Riverside, SampleClients.Registration("Orla Stalechild"), allocateTo: "Hannah Price");
        var manager = await App.ManagerAsync(DemoStaff.Riverside);
        var people = App.Services.GetRequiredService<PeopleOnFileHandler>();
        var lily = new ChildDetails("Lily", null, null, SocialCareInvolvement.NotKnown, null);
        await people.SaveChildAsync(manager, new SaveChild(client.ClientId, null, 0, lily), default);
        var page = await SignInAsync("Hannah Price");
        await GoToAsync(page, $"/clients/{client.ClientId}");

        await page.Locator("#children li").Filter(new() { HasTextString = "Lily" }).GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        await page.GetByLabel("School or nursery (optional)").FillAsync("Elm Primary");
        await page.GetByLabel("Safeguarding concern (optional)").FillAsync("He waited at the school gate on Monday.");
        var saved = Assert.Single((await people.ForClientAsync(manager, client.ClientId, default)).Children);
        await people.SaveChildAsync(manager, new SaveChild(client.ClientId, saved.Id, saved.Version, lily with { SocialCare = SocialCareInvolvement.ChildInNeed }), default);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save child" }).ClickAsync();

        var refusal = await page.Locator("#people-refusal").InnerTextAsync();
        Assert.Contains($"{manager.Member.Name} changed this", refusal);
        Assert.Contains("what you typed stays in the form", refusal);
        await ScreenshotAsync(page, "child-stale");
        await page.Locator("#people-refusal").GetByRole(AriaRole.Button, new() { Name = "Load the latest" }).ClickAsync();
        await page.Locator("#children").GetByText("Child in need").WaitForAsync();
        Assert.Equal("Elm Primary", await page.GetByLabel("School or nursery (optional)").InputValueAsync());
        Assert.Equal("He waited at the school gate on Monday.", await page.GetByLabel("Safeguarding concern (optional)").InputValueAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Save child" }).ClickAsync();
        await page.Locator("#children").GetByText("Elm Primary").WaitForAsync();
        Assert.Equal(0, await page.Locator("#people-refusal").CountAsync());
    }
}
