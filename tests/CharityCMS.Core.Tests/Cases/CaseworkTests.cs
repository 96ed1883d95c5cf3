using CharityCMS.Audit;
using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.Notifications;
using CharityCMS.Referrals;
using CharityCMS.Risk;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using FluentValidation;
using Marten;
using System.Globalization;

namespace CharityCMS.Core.Tests.Cases;

public class CaseworkTests : CaseDatabase
{
    private ContactLogHandler Contacts => Get<ContactLogHandler>();

    [Fact]
    public async Task A_contact_by_a_safe_method_is_logged_and_counts_as_the_last_contact()
    {
        var (_, caseId) = await ClientWithCaseAsync();

        var updated = await Contacts.LogAsync(Caseworker, Contact(caseId, ContactMethod.Call), default);

        var contact = Assert.Single(updated.Contacts);
        Assert.Equal(ContactMethod.Call, contact.Method);
        Assert.Equal(contact.OccurredAt, updated.LastContactAt);
    }

    [Fact]
    public async Task A_voicemail_on_a_number_where_it_is_unsafe_is_refused_and_nothing_is_recorded()
    {
        var (_, caseId) = await ClientWithCaseAsync();

        var refused = await Assert.ThrowsAsync<CaseworkRuleException>(() => Contacts.LogAsync(Caseworker, Contact(caseId, ContactMethod.Voicemail), default));

        Assert.Contains("voicemail", refused.Message);
        await using var session = Store.QuerySession(Workspace.Id);
        Assert.Single(await session.Events.FetchStreamAsync(caseId));
    }

    [Theory]
    [InlineData(true, false, "do not disclose")]
    [InlineData(false, true, "refuge address")]
    public async Task A_letter_to_a_confidential_address_is_refused(bool doNotDisclose, bool refuge, string reason)
    {
        var registration = SampleClients.Registration();
        var (_, caseId) = await ClientWithCaseAsync(registration with { Address = registration.Address! with { DoNotDisclose = doNotDisclose, IsRefuge = refuge } });

        var refused = await Assert.ThrowsAsync<CaseworkRuleException>(() => Contacts.LogAsync(Caseworker, Contact(caseId, ContactMethod.Letter, phone: null), default));

        Assert.Contains(reason, refused.Message);
        await using var session = Store.QuerySession(Workspace.Id);
        Assert.Single(await session.Events.FetchStreamAsync(caseId));
    }

    [Fact]
    public async Task An_attempt_is_logged_but_is_not_a_contact()
    {
        var (_, caseId) = await ClientWithCaseAsync();

        var updated = await Contacts.LogAsync(Caseworker, Contact(caseId, ContactMethod.Call, successful: false), default);

        Assert.Single(updated.Contacts);
        Assert.Null(updated.LastContactAt);
    }

    [Fact]
    public async Task A_correction_is_a_new_entry_pointing_at_the_original_which_stays_as_it_was()
    {
        var (_, caseId) = await ClientWithCaseAsync();
        var logged = await Contacts.LogAsync(Caseworker, Contact(caseId, ContactMethod.Call), default);
        var original = logged.Contacts.Single();

        var amended = await Contacts.AmendAsync(Caseworker, new AmendContactNote(caseId, original.Id, "She asked to be called on Tuesdays."), default);

        Assert.Equal(2, amended.Contacts.Count);
        Assert.Equal(original, amended.Contacts[0]);
        Assert.Equal(original.Id, amended.Contacts[1].AmendsContactId);
        Assert.Equal("She asked to be called on Tuesdays.", amended.Contacts[1].Note);
    }

    [Fact]
    public async Task Script_in_a_note_is_kept_as_the_text_typed()
    {
        var (_, caseId) = await ClientWithCaseAsync();
        const string note = "<script>alert('x')</script> said she is safe";

        var updated = await Contacts.LogAsync(Caseworker, Contact(caseId, ContactMethod.Visit, phone: null) with { Note = note }, default);

        Assert.Equal(note, updated.Contacts.Single().Note);
    }

    [Theory]
    [InlineData(1, "future")]
    [InlineData(-100000, "date")]
    public async Task A_contact_dated_impossibly_is_refused_with_a_message(int daysFromNow, string expected)
    {
        var (_, caseId) = await ClientWithCaseAsync();
        var command = Contact(caseId, ContactMethod.Visit, phone: null) with { OccurredAt = Clock.GetUtcNow().AddDays(daysFromNow) };

        var refused = await Assert.ThrowsAsync<ValidationException>(() => Contacts.LogAsync(Caseworker, command, default));

        Assert.Contains(expected, refused.Errors.Single().ErrorMessage);
    }

    [Fact]
    public async Task An_over_long_note_is_refused()
    {
        var (_, caseId) = await ClientWithCaseAsync();
        var command = Contact(caseId, ContactMethod.Visit, phone: null) with { Note = new string('a', 4001) };

        await Assert.ThrowsAsync<ValidationException>(() => Contacts.LogAsync(Caseworker, command, default));
    }

    [Fact]
    public async Task A_transfer_needs_a_handover_note_and_moves_the_case_to_the_new_worker()
    {
        var (_, caseId) = await ClientWithCaseAsync();
        var other = (await Workspace.AddMemberAsync("Aisha Worker", WorkspaceRole.Caseworker)).Access;
        var allocate = Get<AllocateCaseHandler>();

        await Assert.ThrowsAsync<CaseworkRuleException>(() => allocate.HandleAsync(Manager, new AllocateCase(caseId, 1, other.Member.Id, null), default));
        var moved = await allocate.HandleAsync(Manager, new AllocateCase(caseId, 1, other.Member.Id, "She prefers mornings."), default);

        Assert.Equal(other.Member.Id, moved.WorkerId);
    }

    [Fact]
    public async Task A_stale_transfer_is_refused_with_who_changed_the_case()
    {
        var (_, caseId) = await ClientWithCaseAsync();
        var other = (await Workspace.AddMemberAsync("Aisha Worker", WorkspaceRole.Caseworker)).Access;
        await Get<RecordIncidentHandler>().HandleAsync(Caseworker, new RecordIncident(caseId, UkCalendar.Today(Clock), true, "PR-1", "Threats by text."), default);

        var refused = await Assert.ThrowsAsync<CaseChangedElsewhereException>(() =>
            Get<AllocateCaseHandler>().HandleAsync(Manager, new AllocateCase(caseId, 1, other.Member.Id, "Handover"), default));

        Assert.Equal("Hannah Worker", refused.ChangedBy);
    }

    [Fact]
    public async Task A_case_cannot_be_allocated_to_someone_outside_the_workspace()
    {
        var (_, caseId) = await ClientWithCaseAsync();
        var elsewhere = await TestWorkspace.CreateAsync(Store);
        var stranger = (await elsewhere.AddMemberAsync("Other Charity", WorkspaceRole.Caseworker)).Access;

        await Assert.ThrowsAsync<CaseworkRuleException>(() =>
            Get<AllocateCaseHandler>().HandleAsync(Manager, new AllocateCase(caseId, 1, stranger.Member.Id, "Handover"), default));
    }

    [Fact]
    public async Task A_closed_case_takes_no_more_contacts_and_shows_the_change_in_outcomes()
    {
        var (_, caseId) = await ClientWithCaseAsync();
        await Get<CaseDetailsHandler>().RecordOutcomesAsync(Caseworker, new RecordOutcomes(caseId, OutcomeStage.Intake, new OutcomeScores(2, 1, 3, 2)), default);

        var closed = await Get<CloseCaseHandler>().HandleAsync(Caseworker,
            new CloseCase(caseId, 2, CaseClosureReason.SupportCompleted, null, UkCalendar.Today(Clock), new OutcomeScores(8, 7, 7, 9)), default);

        Assert.Equal(CaseStatus.Closed, closed.Status);
        Assert.Equal(6, closed.ExitOutcomes!.FeelsSafe - closed.IntakeOutcomes!.FeelsSafe);
        await Assert.ThrowsAsync<CaseworkRuleException>(() => Contacts.LogAsync(Caseworker, Contact(caseId, ContactMethod.Visit, phone: null), default));
    }

    [Fact]
    public async Task Exit_outcomes_need_intake_outcomes_to_compare_with()
    {
        var (_, caseId) = await ClientWithCaseAsync();

        await Assert.ThrowsAsync<CaseworkRuleException>(() =>
            Get<CaseDetailsHandler>().RecordOutcomesAsync(Caseworker, new RecordOutcomes(caseId, OutcomeStage.Exit, new OutcomeScores(5, 5, 5, 5)), default));
    }

    [Fact]
    public async Task A_safety_plan_action_is_reviewed_with_history_and_sets_the_next_review()
    {
        var (_, caseId) = await ClientWithCaseAsync();
        var plan = Get<SafetyPlanHandler>();
        var today = UkCalendar.Today(Clock);
        var added = await plan.AddAsync(Caseworker, new AddSafetyPlanAction(caseId, "Panic alarm fitted", "Police", today.AddDays(7)), default);
        var actionId = added.SafetyPlan.Single().Id;

        var reviewed = await plan.ReviewAsync(Caseworker, new ReviewSafetyPlanAction(caseId, added.Version, actionId, SafetyActionStatus.InProgress, today.AddDays(3), "Booked for Friday"), default);

        var action = reviewed.SafetyPlan.Single();
        Assert.Equal(2, action.Reviews.Count);
        Assert.Equal(today.AddDays(3), reviewed.NextSafetyPlanReviewOn);
        var done = await plan.ReviewAsync(Caseworker, new ReviewSafetyPlanAction(caseId, reviewed.Version, actionId, SafetyActionStatus.Done, null, "Fitted"), default);
        Assert.Null(done.NextSafetyPlanReviewOn);
    }

    [Fact]
    public async Task A_case_closed_without_a_reason_is_refused_beside_the_reason()
    {
        var (_, caseId) = await ClientWithCaseAsync();

        var refused = await Assert.ThrowsAsync<ValidationException>(() => Get<CloseCaseHandler>().HandleAsync(Caseworker,
            new CloseCase(caseId, 1, null, null, UkCalendar.Today(Clock), null), default));

        Assert.Equal(("Reason", "Choose why the case is closing."), (Assert.Single(refused.Errors).PropertyName, refused.Errors.Single().ErrorMessage));
    }

    [Fact]
    public async Task A_call_with_no_number_chosen_is_refused_beside_the_number()
    {
        var (_, caseId) = await ClientWithCaseAsync();

        var refused = await Assert.ThrowsAsync<ValidationException>(() => Contacts.LogAsync(Caseworker, Contact(caseId, ContactMethod.Call, phone: null), default));

        Assert.Equal("PhoneNumber", Assert.Single(refused.Errors).PropertyName);
    }

    [Fact]
    public async Task A_closed_case_refuses_new_safety_plan_actions_and_reviews()
    {
        var (_, caseId) = await ClientWithCaseAsync();
        var plan = Get<SafetyPlanHandler>();
        var today = UkCalendar.Today(Clock);
        var added = await plan.AddAsync(Caseworker, new AddSafetyPlanAction(caseId, "Locks changed", "Housing", today.AddDays(7)), default);
        var closed = await Get<CloseCaseHandler>().HandleAsync(Caseworker, new CloseCase(caseId, added.Version, CaseClosureReason.SupportCompleted, null, today, null), default);

        await Assert.ThrowsAsync<CaseworkRuleException>(() => plan.AddAsync(Caseworker,
            new AddSafetyPlanAction(caseId, "Panic alarm fitted", "Police", today.AddDays(7)), default));
        await Assert.ThrowsAsync<CaseworkRuleException>(() => plan.ReviewAsync(Caseworker,
            new ReviewSafetyPlanAction(caseId, closed.Version, added.SafetyPlan.Single().Id, SafetyActionStatus.Done, null, "Fitted"), default));
    }

    [Fact]
    public async Task A_safety_plan_review_from_a_stale_form_is_refused_with_who_changed_the_case_and_nothing_is_saved()
    {
        var (_, caseId) = await ClientWithCaseAsync();
        var plan = Get<SafetyPlanHandler>();
        var today = UkCalendar.Today(Clock);
        var added = await plan.AddAsync(Caseworker, new AddSafetyPlanAction(caseId, "Locks changed", "Housing", today.AddDays(7)), default);
        await plan.AddAsync(Manager, new AddSafetyPlanAction(caseId, "Panic alarm fitted", "Police", today.AddDays(7)), default);

        var refused = await Assert.ThrowsAsync<CaseChangedElsewhereException>(() => plan.ReviewAsync(Caseworker,
            new ReviewSafetyPlanAction(caseId, added.Version, added.SafetyPlan.Single().Id, SafetyActionStatus.Done, null, "Fitted"), default));

        Assert.Equal("Grace Manager", refused.ChangedBy);
        var view = await Get<CaseQueries>().OpenAsync(Caseworker, caseId, default);
        Assert.All(view!.Case.SafetyPlan, a => Assert.Equal(SafetyActionStatus.Planned, a.Status));
    }

    [Fact]
    public async Task A_safety_plan_action_is_added_after_an_unrelated_change_by_a_colleague()
    {
        var (_, caseId) = await ClientWithCaseAsync();
        await Contacts.LogAsync(Manager, Contact(caseId, ContactMethod.Call), default);

        var added = await Get<SafetyPlanHandler>().AddAsync(Caseworker,
            new AddSafetyPlanAction(caseId, "Locks changed", "Housing", UkCalendar.Today(Clock).AddDays(7)), default);

        Assert.Equal(("Locks changed", 1), (Assert.Single(added.SafetyPlan).Action, added.Contacts.Count));
    }

    [Fact]
    public async Task A_closed_case_refuses_onward_referral_status_changes()
    {
        var (_, caseId) = await ClientWithCaseAsync();
        var referrals = Get<OnwardReferralsHandler>();
        var made = await referrals.MakeAsync(Caseworker, new MakeOnwardReferral(caseId, "Leeds Housing Options", OnwardReferralKind.Housing, null, UkCalendar.Today(Clock)), default);
        var closed = await Get<CloseCaseHandler>().HandleAsync(Caseworker, new CloseCase(caseId, made.Version, CaseClosureReason.SupportCompleted, null, UkCalendar.Today(Clock), null), default);

        await Assert.ThrowsAsync<CaseworkRuleException>(() => referrals.ChangeStatusAsync(Caseworker,
            new ChangeOnwardReferralStatus(caseId, closed.Version, made.OnwardReferrals.Single().Id, OnwardReferralStatus.Accepted, null), default));

        var view = await Get<CaseQueries>().OpenAsync(Caseworker, caseId, default);
        Assert.Equal(OnwardReferralStatus.Made, view!.Case.OnwardReferrals.Single().Status);
    }

    [Fact]
    public async Task An_onward_referral_status_change_is_recorded_with_its_note_in_the_referrals_history()
    {
        var (_, caseId) = await ClientWithCaseAsync();
        var referrals = Get<OnwardReferralsHandler>();
        var made = await referrals.MakeAsync(Caseworker, new MakeOnwardReferral(caseId, "Leeds Housing Options", OnwardReferralKind.Housing, null, UkCalendar.Today(Clock)), default);

        var changed = await referrals.ChangeStatusAsync(Caseworker,
            new ChangeOnwardReferralStatus(caseId, made.Version, made.OnwardReferrals.Single().Id, OnwardReferralStatus.Declined, "  No space until March;\nasked them to keep her on the list. "), default);

        var referral = changed.OnwardReferrals.Single();
        Assert.Equal(OnwardReferralStatus.Declined, referral.Status);
        var change = Assert.Single(referral.StatusChanges);
        Assert.Equal((OnwardReferralStatus.Declined, "No space until March;\nasked them to keep her on the list.", "Hannah Worker"), (change.Status, change.Note, change.By.Name));
    }

    [Fact]
    public async Task An_onward_referral_status_note_with_control_characters_is_refused()
    {
        var (_, caseId) = await ClientWithCaseAsync();
        var referrals = Get<OnwardReferralsHandler>();
        var made = await referrals.MakeAsync(Caseworker, new MakeOnwardReferral(caseId, "Leeds Housing Options", OnwardReferralKind.Housing, null, UkCalendar.Today(Clock)), default);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => referrals.ChangeStatusAsync(Caseworker,
            new ChangeOnwardReferralStatus(caseId, made.Version, made.OnwardReferrals.Single().Id, OnwardReferralStatus.Accepted, "Accepted\u0007"), default));

        Assert.Equal("Note", Assert.Single(refused.Errors).PropertyName);
    }

    [Fact]
    public async Task The_timeline_lists_every_event_in_order_with_who_recorded_it()
    {
        var (_, caseId) = await ClientWithCaseAsync();
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Contacts.LogAsync(Caseworker, Contact(caseId, ContactMethod.Call), default);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Get<OnwardReferralsHandler>().MakeAsync(Caseworker, new MakeOnwardReferral(caseId, "Leeds Housing Options", OnwardReferralKind.Housing, null, UkCalendar.Today(Clock)), default);

        var view = await Get<CaseQueries>().OpenAsync(Caseworker, caseId, default);

        Assert.Equal([TimelineStrand.Allocation, TimelineStrand.Contacts, TimelineStrand.OnwardReferrals], view!.Timeline.Select(e => e.Strand));
        Assert.Equal(["Grace Manager", "Hannah Worker", "Hannah Worker"], view.Timeline.Select(e => e.By.Name));
    }

    [Fact]
    public async Task The_timeline_includes_her_completed_risk_assessments_while_the_case_is_open()
    {
        var (clientId, caseId) = await ClientWithCaseAsync();
        Clock.Advance(TimeSpan.FromMinutes(1));
        var assessment = await Get<CharityCMS.Risk.StartRiskAssessmentHandler>().HandleAsync(Caseworker, new CharityCMS.Risk.StartRiskAssessment(clientId, caseId), default);
        await Get<CharityCMS.Risk.CompleteRiskAssessmentHandler>().HandleAsync(Caseworker, new CharityCMS.Risk.CompleteRiskAssessment(assessment, 1, SampleRisk.Form(15)), default);

        var view = await Get<CaseQueries>().OpenAsync(Caseworker, caseId, default);

        var entry = Assert.Single(view!.Timeline, e => e.Strand == TimelineStrand.Risk);
        Assert.Equal("Risk assessment completed: High risk", entry.What);
    }

    [Fact]
    public async Task Changing_the_casework_settings_is_for_managers_and_is_audited()
    {
        var store = Get<Settings.CaseworkSettingsStore>();
        var changed = Settings.CaseworkSettings.Default with { HighReassessmentWeeks = 6 };

        await Assert.ThrowsAsync<AccessDeniedException>(() => store.SaveAsync(Caseworker, changed, default));
        await store.SaveAsync(Manager, changed, default);

        Assert.Equal(6, (await store.GetAsync(Caseworker, default)).HighReassessmentWeeks);
        await using var session = Store.QuerySession(Workspace.Id);
        var audit = await session.Query<AuditEntry>().SingleAsync(a => a.Action == AuditAction.CaseworkSettingsChanged);
        Assert.Contains("high every 6.", audit.Detail);
        Assert.Equal(Manager.Member.Id, audit.ActorId);
    }

    [Fact]
    public async Task A_case_cannot_be_opened_under_a_service_the_workspace_does_not_run()
    {
        var client = await Get<RegisterClientHandler>().HandleAsync(Manager, SampleClients.Registration(), default);
        await Get<Settings.CaseworkSettingsStore>().SaveAsync(Manager, Settings.CaseworkSettings.Default with { Services = [CaseService.Isva] }, default);

        await Assert.ThrowsAsync<CaseworkRuleException>(() =>
            Get<OpenCaseHandler>().HandleAsync(Manager, new OpenCase(client.ClientId, CaseService.Refuge, null, UkCalendar.Today(Clock)), default));
    }
}

public class CaseloadTests : CaseDatabase
{
    [Fact]
    public async Task My_caseload_lists_my_open_cases_with_the_next_item_due_and_days_since_contact()
    {
        var (_, caseId) = await ClientWithCaseAsync();
        var openedAt = Clock.GetUtcNow();
        Clock.Advance(TimeSpan.FromDays(3));
        var logged = await Get<ContactLogHandler>().LogAsync(Caseworker, Contact(caseId, ContactMethod.Call) with { OccurredAt = openedAt }, default);
        await Get<SafetyPlanHandler>().AddAsync(Caseworker, new AddSafetyPlanAction(caseId, "Locks changed", "Housing", UkCalendar.Today(Clock).AddDays(5)), default);

        var row = Assert.Single(await Get<Caseloads>().MineAsync(Caseworker, default));

        Assert.Equal(caseId, row.CaseId);
        Assert.Equal(new CaseloadDue("Safety plan review", UkCalendar.Today(Clock).AddDays(5)), row.NextDue);
        Assert.Equal(3, row.DaysSinceContact);
        Assert.Null(row.Risk);
    }

    public static TheoryData<string, string, int> ContactsAndNow() => new()
    {
        // A call at 17:00 yesterday is a day ago at 09:00 today, though only 16 hours have passed.
        { "2026-11-25T17:00Z", "2026-11-26T09:00Z", 1 },
        { "2026-11-26T08:00Z", "2026-11-26T17:00Z", 0 },
        // The clocks go forward on 28 March 2027: 23:30 on the 27th to 00:10 on the 29th (BST) is 2 days in under 24 hours.
        { "2027-03-27T23:30Z", "2027-03-28T23:10Z", 2 },
        // They go back on 31 October 2027: 00:05 to 23:55 that day (25 hours long) is still today.
        { "2027-10-30T23:05Z", "2027-10-31T23:55Z", 0 },
    };

    [Theory]
    [MemberData(nameof(ContactsAndNow))]
    public async Task Days_since_contact_are_London_calendar_days(string contactAt, string now, int days)
    {
        Clock.SetUtcNow(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture));
        var contact = DateTimeOffset.Parse(contactAt, CultureInfo.InvariantCulture);
        var world = new CaseworkWorld(Services, Clock);
        var (_, _, caseId) = await world.OpenCaseAsync(Manager, "Carla Calendar", Caseworker.Member.Id, UkCalendar.DateOf(contact).AddDays(-1));
        await world.LogContactAsync(Manager, caseId, contact);

        var row = Assert.Single(await Get<Caseloads>().MineAsync(Caseworker, default));

        Assert.Equal(days, row.DaysSinceContact);
    }

    [Fact]
    public async Task The_team_caseload_counts_each_workers_cases_risk_taken_on_and_overdue_items_and_the_waiting_referrals()
    {
        var world = new CaseworkWorld(Services, Clock);
        var today = UkCalendar.Today(Clock);
        var hannah = Caseworker.Member.Id;
        var overdue = await world.OpenCaseAsync(Manager, "Olive Overdue", hannah);
        await world.AssessAsync(Manager, overdue.ClientId, RiskLevel.High);
        await world.AddSafetyActionAsync(Manager, overdue.CaseId, today.AddDays(-1));
        var longStanding = await world.OpenCaseAsync(Manager, "Lorna Longstanding", hannah, today.AddYears(-2));
        await world.AssessAsync(Manager, longStanding.ClientId, RiskLevel.High);
        var medium = await world.OpenCaseAsync(Manager, "Mia Medium", hannah);
        await world.AssessAsync(Manager, medium.ClientId, RiskLevel.Medium);
        var closed = await world.OpenCaseAsync(Manager, "Clara Closed", hannah, today.AddMonths(-2));
        await world.AssessAsync(Manager, closed.ClientId, RiskLevel.High);
        await world.CloseAsync(Manager, closed.CaseId);
        var (beth, _) = await Workspace.AddMemberAsync("Beth Newstarter", WorkspaceRole.Caseworker);
        await world.OpenCaseAsync(Manager, "Nell New", beth.Id);
        await Get<ReceiveReferralHandler>().HandleAsync(Manager, SampleReferrals.FromPolice(Clock.GetUtcNow().AddHours(-30)), default);
        await Get<SubmitSelfReferralHandler>().HandleAsync(Workspace.Id, SampleReferrals.SelfReferral(), default);

        var team = await Get<Caseloads>().TeamAsync(Manager, default);

        // Open: the overdue, long-standing and medium cases. High risk open: the overdue and long-standing. Taken on in
        // the last 12 months and high risk: the overdue case and the closed one (the long-standing case is two years old).
        var line = team.Workers.Single(w => w.Worker.Id == hannah);
        Assert.Equal((3, 2, 2, 1, HighRiskGuidance.BelowGuidance),
            (line.OpenCases, line.HighRiskOpen, line.HighRiskTakenThisYear, line.Overdue, line.Guidance));
        var newStarter = team.Workers.Single(w => w.Worker.Id == beth.Id);
        Assert.Equal((1, 0, 0, 0), (newStarter.OpenCases, newStarter.HighRiskOpen, newStarter.HighRiskTakenThisYear, newStarter.Overdue));
        Assert.Equal(new ReferralCounts(2, 1, 1, TimeSpan.FromHours(30)), team.Referrals);
    }

    [Theory]
    [InlineData(0, HighRiskGuidance.BelowGuidance)]
    [InlineData(59, HighRiskGuidance.BelowGuidance)]
    [InlineData(60, HighRiskGuidance.AtGuidance)]
    [InlineData(70, HighRiskGuidance.AtGuidance)]
    [InlineData(71, HighRiskGuidance.AboveGuidance)]
    public void High_risk_cases_taken_on_in_a_year_are_read_against_the_60_to_70_guidance(int takenOn, HighRiskGuidance expected) =>
        Assert.Equal(expected, new WorkerCaseload(new StaffMember(Guid.NewGuid(), "Any Worker"), 0, 0, takenOn, 0).Guidance);

    [Fact]
    public async Task A_case_whose_worker_left_the_team_shows_as_waiting_on_the_team_caseload()
    {
        var leaver = await Workspace.AddMemberAsync("Lena Leaver", WorkspaceRole.Caseworker);
        var (_, caseId) = await ClientWithCaseAsync(worker: leaver.Access);
        await using (var session = Store.LightweightSession())
        {
            var member = await session.LoadAsync<Member>(leaver.Member.Id);
            session.Store(member! with { Roles = [WorkspaceRole.Fundraiser] });
            await session.SaveChangesAsync();
        }

        var team = await Get<Caseloads>().TeamAsync(Manager, default);

        Assert.DoesNotContain(team.Workers, w => w.Worker.Id == leaver.Member.Id);
        Assert.Equal(caseId, Assert.Single(team.Unallocated).CaseId);
    }

    [Fact]
    public async Task Only_managers_see_the_team_caseload() =>
        await Assert.ThrowsAsync<AccessDeniedException>(() => Get<Caseloads>().TeamAsync(Caseworker, default));
}

public class CaseloadAccessTests : CaseDatabase
{
    [Fact]
    public async Task A_caseworker_cannot_open_a_client_outside_her_caseload_without_a_reason()
    {
        var other = (await Workspace.AddMemberAsync("Aisha Worker", WorkspaceRole.Caseworker)).Access;
        var (clientId, caseId) = await ClientWithCaseAsync(worker: other);

        await Assert.ThrowsAsync<OutsideCaseloadException>(() => Get<ClientRecords>().OpenAsync(Caseworker, clientId, default));
        await Assert.ThrowsAsync<OutsideCaseloadException>(() => Get<CaseQueries>().OpenAsync(Caseworker, caseId, default));
        await Assert.ThrowsAsync<OutsideCaseloadException>(() =>
            Get<ContactLogHandler>().LogAsync(Caseworker, Contact(caseId, ContactMethod.Visit, phone: null), default));
    }

    [Fact]
    public async Task A_manager_reaches_every_client_in_the_workspace()
    {
        var (clientId, _) = await ClientWithCaseAsync();

        Assert.NotNull(await Get<ClientRecords>().OpenAsync(Manager, clientId, default));
    }

    [Fact]
    public async Task Break_glass_without_a_reason_is_refused_and_grants_nothing()
    {
        var other = (await Workspace.AddMemberAsync("Aisha Worker", WorkspaceRole.Caseworker)).Access;
        var (clientId, _) = await ClientWithCaseAsync(worker: other);

        await Assert.ThrowsAsync<ValidationException>(() => Get<CaseloadGuard>().BreakGlassAsync(Caseworker, clientId, "  ", default));

        await Assert.ThrowsAsync<OutsideCaseloadException>(() => Get<ClientRecords>().OpenAsync(Caseworker, clientId, default));
    }

    [Fact]
    public async Task Break_glass_with_a_reason_opens_the_record_audits_it_and_tells_every_manager()
    {
        var other = (await Workspace.AddMemberAsync("Aisha Worker", WorkspaceRole.Caseworker)).Access;
        var (clientId, _) = await ClientWithCaseAsync(worker: other);

        await Get<CaseloadGuard>().BreakGlassAsync(Caseworker, clientId, "Covering the duty line; she called in crisis.", default);

        Assert.NotNull(await Get<ClientRecords>().OpenAsync(Caseworker, clientId, default));
        await using var session = Store.QuerySession(Workspace.Id);
        var audit = await session.Query<AuditEntry>().SingleAsync(a => a.Action == AuditAction.BreakGlassOpening);
        Assert.Equal(Caseworker.Member.Id, audit.ActorId);
        Assert.Equal("Covering the duty line; she called in crisis.", audit.Detail);
        var notice = Assert.Single(await Get<NotificationInbox>().LatestAsync(Manager, 10, default));
        Assert.Equal(NotificationKind.BreakGlassOpening, notice.Kind);
        Assert.DoesNotContain("Jane", notice.Text);
    }

    [Fact]
    public async Task Break_glass_lapses_after_its_hours()
    {
        var other = (await Workspace.AddMemberAsync("Aisha Worker", WorkspaceRole.Caseworker)).Access;
        var (clientId, _) = await ClientWithCaseAsync(worker: other);
        await Get<CaseloadGuard>().BreakGlassAsync(Caseworker, clientId, "Covering the duty line today.", default);

        Clock.Advance(CaseloadGuard.BreakGlassLasts + TimeSpan.FromMinutes(1));

        await Assert.ThrowsAsync<OutsideCaseloadException>(() => Get<ClientRecords>().OpenAsync(Caseworker, clientId, default));
    }

    [Fact]
    public async Task Only_a_manager_allocates_or_transfers_a_case()
    {
        var (_, caseId) = await ClientWithCaseAsync();
        var other = (await Workspace.AddMemberAsync("Aisha Worker", WorkspaceRole.Caseworker)).Access;

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Get<AllocateCaseHandler>().HandleAsync(Caseworker, new AllocateCase(caseId, 1, other.Member.Id, "Handing over"), default));
    }

    [Fact]
    public async Task Break_glass_reach_cannot_be_made_permanent_by_opening_a_case_for_herself()
    {
        var other = (await Workspace.AddMemberAsync("Aisha Worker", WorkspaceRole.Caseworker)).Access;
        var (clientId, _) = await ClientWithCaseAsync(worker: other);
        await Get<CaseloadGuard>().BreakGlassAsync(Caseworker, clientId, "Covering the duty line today.", default);
        var open = Get<OpenCaseHandler>();

        await Assert.ThrowsAsync<CaseworkRuleException>(() =>
            open.HandleAsync(Caseworker, new OpenCase(clientId, CaseService.Outreach, Caseworker.Member.Id, UkCalendar.Today(Clock)), default));
        var waiting = await open.HandleAsync(Caseworker, new OpenCase(clientId, CaseService.Outreach, null, UkCalendar.Today(Clock)), default);

        Clock.Advance(CaseloadGuard.BreakGlassLasts + TimeSpan.FromMinutes(1));
        await Assert.ThrowsAsync<OutsideCaseloadException>(() => Get<CaseQueries>().OpenAsync(Caseworker, waiting, default));
    }

    [Fact]
    public async Task A_caseworker_reaches_a_client_she_registered_while_her_case_waits_for_allocation()
    {
        var client = await Get<RegisterClientHandler>().HandleAsync(Caseworker, SampleClients.Registration(), default);
        await Get<OpenCaseHandler>().HandleAsync(Caseworker, new OpenCase(client.ClientId, CaseService.Outreach, null, UkCalendar.Today(Clock)), default);

        Assert.Equal(ClientReach.Caseload, await Get<CaseloadGuard>().ReachAsync(Caseworker, client.ClientId, default));
    }

    [Fact]
    public async Task Registering_a_client_gives_no_reach_once_her_case_is_allocated_to_someone_else()
    {
        var other = (await Workspace.AddMemberAsync("Aisha Worker", WorkspaceRole.Caseworker)).Access;
        var client = await Get<RegisterClientHandler>().HandleAsync(Caseworker, SampleClients.Registration("Registered Searchable"), default);
        var caseId = await Get<OpenCaseHandler>().HandleAsync(Caseworker, new OpenCase(client.ClientId, CaseService.Outreach, null, UkCalendar.Today(Clock)), default);

        await Get<AllocateCaseHandler>().HandleAsync(Manager, new AllocateCase(caseId, 1, other.Member.Id, null), default);

        await Assert.ThrowsAsync<OutsideCaseloadException>(() => Get<ClientRecords>().OpenAsync(Caseworker, client.ClientId, default));
        Assert.Equal(0, (await Get<FindClientsHandler>().HandleAsync(Caseworker, new FindClients("Searchable"), default)).Total);
    }

    [Fact]
    public async Task A_registrar_keeps_a_client_whose_case_is_allocated_to_her()
    {
        var client = await Get<RegisterClientHandler>().HandleAsync(Caseworker, SampleClients.Registration(), default);
        await Get<OpenCaseHandler>().HandleAsync(Caseworker, new OpenCase(client.ClientId, CaseService.Outreach, Caseworker.Member.Id, UkCalendar.Today(Clock)), default);

        Assert.Equal(ClientReach.Caseload, await Get<CaseloadGuard>().ReachAsync(Caseworker, client.ClientId, default));
    }

    [Fact]
    public async Task A_caseworker_cannot_open_a_case_for_someone_else_and_nothing_is_written()
    {
        var other = (await Workspace.AddMemberAsync("Aisha Worker", WorkspaceRole.Caseworker)).Access;
        var (clientId, _) = await ClientWithCaseAsync();

        var refused = await Assert.ThrowsAsync<CaseworkRuleException>(() => Get<OpenCaseHandler>().HandleAsync(Caseworker,
            new OpenCase(clientId, CaseService.Outreach, other.Member.Id, UkCalendar.Today(Clock)), default));

        Assert.Equal("Only a manager can allocate a case to someone else: allocate it to yourself, or leave it for a manager to allocate.", refused.Message);
        await using var session = Store.QuerySession(Workspace.Id);
        Assert.Equal(1, await session.Query<Case>().CountAsync(c => c.ClientId == clientId));
    }

    [Fact]
    public async Task A_caseworker_opens_a_case_for_herself_or_for_a_manager_to_allocate()
    {
        var (clientId, _) = await ClientWithCaseAsync();
        var open = Get<OpenCaseHandler>();

        var hers = await open.HandleAsync(Caseworker, new OpenCase(clientId, CaseService.Outreach, Caseworker.Member.Id, UkCalendar.Today(Clock)), default);
        var waiting = await open.HandleAsync(Caseworker, new OpenCase(clientId, CaseService.Isva, null, UkCalendar.Today(Clock)), default);

        await using var session = Store.QuerySession(Workspace.Id);
        Assert.Equal(Caseworker.Member.Id, (await session.LoadAsync<Case>(hers))!.WorkerId);
        Assert.Null((await session.LoadAsync<Case>(waiting))!.WorkerId);
    }

    [Fact]
    public async Task A_manager_opens_a_case_for_any_worker()
    {
        var other = (await Workspace.AddMemberAsync("Aisha Worker", WorkspaceRole.Caseworker)).Access;

        var (_, caseId) = await ClientWithCaseAsync(worker: other);

        await using var session = Store.QuerySession(Workspace.Id);
        Assert.Equal(other.Member.Id, (await session.LoadAsync<Case>(caseId))!.WorkerId);
    }

    [Fact]
    public async Task A_caseworker_finds_only_the_clients_she_reaches_and_a_manager_finds_them_all()
    {
        var other = (await Workspace.AddMemberAsync("Aisha Worker", WorkspaceRole.Caseworker)).Access;
        await ClientWithCaseAsync(SampleClients.Registration("Mine Searchable"));
        var (theirs, _) = await ClientWithCaseAsync(SampleClients.Registration("Theirs Searchable"), worker: other);
        var find = Get<FindClientsHandler>();

        Assert.Equal(["Mine Searchable"], (await find.HandleAsync(Caseworker, new FindClients("Searchable"), default)).Rows.Select(r => r.LegalName));
        Assert.Equal(2, (await find.HandleAsync(Manager, new FindClients("Searchable"), default)).Total);

        await Get<CaseloadGuard>().BreakGlassAsync(Caseworker, theirs, "Covering the duty line today.", default);
        Assert.Equal(2, (await find.HandleAsync(Caseworker, new FindClients("Searchable"), default)).Total);
    }

    [Fact]
    public async Task A_caseworker_cannot_edit_the_details_of_a_client_outside_her_caseload()
    {
        var other = (await Workspace.AddMemberAsync("Aisha Worker", WorkspaceRole.Caseworker)).Access;
        var registration = SampleClients.Registration();
        var (clientId, _) = await ClientWithCaseAsync(registration, worker: other);

        await Assert.ThrowsAsync<OutsideCaseloadException>(() =>
            Get<ChangeClientDetailsHandler>().HandleAsync(Caseworker, SampleClients.Edit(clientId, 1, registration, d => d with { PreferredName = "Jo" }), default));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Revealing_a_confidential_address_needs_a_reason_and_is_audited(bool doNotDisclose, bool refuge)
    {
        var registration = SampleClients.Registration();
        var (clientId, _) = await ClientWithCaseAsync(registration with { Address = registration.Address! with { DoNotDisclose = doNotDisclose, IsRefuge = refuge } });
        var records = Get<ClientRecords>();

        await Assert.ThrowsAsync<ValidationException>(() => records.RevealAddressAsync(Caseworker, clientId, "", default));
        var address = await records.RevealAddressAsync(Caseworker, clientId, "Arranging a locksmith visit.", default);

        Assert.Equal("12 Test Street", address!.Line1);
        await using var session = Store.QuerySession(Workspace.Id);
        var audit = await session.Query<AuditEntry>().SingleAsync(a => a.Action == AuditAction.ConfidentialAddressRevealed);
        Assert.Equal(clientId, audit.SubjectId);
    }
}
