using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.Notifications;
using CharityCMS.Workspaces;
using Marten;

namespace CharityCMS.Demo;

/// <summary>
/// Gives most demo clients a case, recorded through the same handlers staff use and dated after
/// her registration: contacts by the methods she said are safe (and an attempt or two), incidents,
/// a safety plan with some reviews now overdue, onward referrals, outcomes, and older cases closed.
/// Deterministic for a given seed.
/// </summary>
internal sealed class DemoCases(IDocumentStore store, DemoClock clock, int seed)
{
    private static readonly string[] ContactNotes =
    [
        "Talked through her safety plan. She is staying with her sister for now and feels calmer.",
        "Checked in after the court hearing. She was tired but relieved the order was granted.",
        "She asked about her housing options; explained the homelessness duty and offered to come to the appointment.",
        "Discussed the children's school pick-up arrangements and who knows about the order.",
        "He has been sending messages through a friend. Agreed she will screenshot and keep them.",
        "Went through the civil and criminal options again. She wants time to think.",
        "She sounded low. Talked about her GP and the counselling waiting list.",
        "Agreed a code word for calls. She will text 'OK' after each appointment.",
        "Helped her prepare for the police statement next week.",
        "Short call: she could not talk, he was nearby. Will try tomorrow morning as agreed.",
    ];

    private static readonly (string Action, string Owner)[] SafetyActions =
    [
        ("Panic alarm fitted", "Police"), ("Non-molestation order applied for", "Solicitor"), ("Locks changed", "Housing association"),
        ("Phone checked for tracking apps", "IDVA"), ("School told who may collect the children", "Client"),
        ("Sanctuary scheme assessment", "Council"), ("Safe route to work agreed", "Client"), ("Social media privacy settings reviewed", "IDVA"),
    ];

    private static readonly (string Organisation, OnwardReferralKind Kind)[] OnwardOrganisations =
    [
        ("Riverside Refuge Network", OnwardReferralKind.Refuge), ("Talking Space counselling", OnwardReferralKind.Counselling),
        ("Family Law Advice Clinic", OnwardReferralKind.LegalAdvice), ("City Housing Options", OnwardReferralKind.Housing),
        ("The Willow Centre (SARC)", OnwardReferralKind.SexualAssaultReferralCentre), ("Children's Social Care front door", OnwardReferralKind.ChildrensServices),
    ];

    public async Task SeedAsync(IReadOnlyList<DemoCaseloadClient> clients, CancellationToken ct)
    {
        var random = new Random(seed);
        var guard = clock.Guard(store);
        var streams = new CaseStreams(store, guard, clock);
        var workers = new CaseWorkers(store);
        var open = new OpenCaseHandler(store, new OpenCaseValidator(clock), workers, guard, clock);
        var contacts = new ContactLogHandler(streams, new LogContactValidator(clock), new AmendContactNoteValidator());
        var details = new CaseDetailsHandler(streams, new RecordAbuseTypesValidator(), new RecordOutcomesValidator());
        var incidents = new RecordIncidentHandler(streams, new RecordIncidentValidator(clock));
        var plan = new SafetyPlanHandler(streams, new AddSafetyPlanActionValidator(clock), new ReviewSafetyPlanActionValidator(clock));
        var onward = new OnwardReferralsHandler(streams, new MakeOnwardReferralValidator(clock), new ChangeOnwardReferralStatusValidator());
        var closing = new CloseCaseHandler(streams, new CloseCaseValidator(clock));
        var now = clock.Now;

        foreach (var client in clients)
        {
            if (random.NextDouble() > 0.75) continue;
            var access = client.Worker;
            var openedAt = client.RegisteredAt.AddHours(random.Next(1, 72));
            if (openedAt > now) openedAt = client.RegisteredAt;
            At(openedAt);
            var waiting = (now - openedAt).TotalDays < 20 && random.NextDouble() < 0.3;
            var service = Services(access.WorkspaceId)[random.Next(Services(access.WorkspaceId).Length)];
            var caseId = await open.HandleAsync(access, new OpenCase(client.ClientId, service, waiting ? null : access.Member.Id, UkCalendar.DateOf(openedAt)), ct);
            if (waiting) continue;

            var types = Enum.GetValues<AbuseType>().OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList();
            await details.RecordAbuseTypesAsync(access, new RecordAbuseTypes(caseId, 1, types), ct);
            if (random.NextDouble() < 0.8)
                await details.RecordOutcomesAsync(access, new RecordOutcomes(caseId, OutcomeStage.Intake, Scores(random, low: true)), ct);

            var end = Min(now, openedAt.AddDays(random.Next(20, 200)));
            var record = await LoadClientAsync(access, client.ClientId, ct);
            var methods = SafeContactRules.SafeMethods(record.Contact, record.Address).ToList();
            var contactTimes = Enumerable.Range(0, random.Next(1, 7)).Select(_ => Between(random, openedAt, end)).Order().ToList();
            foreach (var at in contactTimes)
            {
                var method = methods.Count == 0 ? ContactMethod.Visit : methods[random.Next(methods.Count)];
                var phone = method.UsesPhone() ? record.Contact.Phones.First(p => SafeContactRules.RefusalFor(method, p.Number, record.Contact, record.Address) is null).Number : null;
                At(at.AddMinutes(10));
                var logged = await contacts.LogAsync(access, new LogContact(caseId, method, random.NextDouble() > 0.2, OfficeHours(at), random.Next(5, 60), phone,
                    ContactNotes[random.Next(ContactNotes.Length)]), ct);
                if (random.NextDouble() < 0.05)
                    await contacts.AmendAsync(access, new AmendContactNote(caseId, logged.Contacts[^1].Id, "Correction: the hearing is on the 14th, not the 4th."), ct);
            }

            if (random.NextDouble() < 0.35)
            {
                var on = Between(random, openedAt, end);
                At(on.AddHours(2));
                var reported = random.NextDouble() < 0.6;
                await incidents.HandleAsync(access, new RecordIncident(caseId, UkCalendar.DateOf(on), reported, reported ? $"PR{random.Next(100000, 999999)}" : null,
                    "She described threats made at the school gate in front of the children."), ct);
            }

            foreach (var (action, owner) in SafetyActions.OrderBy(_ => random.Next()).Take(random.Next(1, 4)))
            {
                var added = Between(random, openedAt, end);
                At(added);
                var current = await LoadCaseAsync(access, caseId, ct);
                await plan.AddAsync(access, new AddSafetyPlanAction(caseId, action, owner, UkCalendar.DateOf(added).AddDays(random.Next(7, 42))), ct);
            }

            if (random.NextDouble() < 0.3)
            {
                var (organisation, kind) = OnwardOrganisations[random.Next(OnwardOrganisations.Length)];
                var made = Between(random, openedAt, end);
                At(made);
                var referred = await onward.MakeAsync(access, new MakeOnwardReferral(caseId, organisation, kind, null, UkCalendar.DateOf(made)), ct);
                if (random.NextDouble() < 0.6)
                    await onward.ChangeStatusAsync(access, new ChangeOnwardReferralStatus(caseId, referred.Version, referred.OnwardReferrals[^1].Id, OnwardReferralStatus.Accepted,
                        "Confirmed by phone; she has an appointment."), ct);
            }

            if ((now - openedAt).TotalDays > 150 && random.NextDouble() < 0.6)
            {
                At(end.AddDays(1) > now ? now : end.AddDays(1));
                var current = await LoadCaseAsync(access, caseId, ct);
                var exit = current.IntakeOutcomes is null ? null : Scores(random, low: false);
                await closing.HandleAsync(access, new CloseCase(caseId, current.Version, random.NextDouble() < 0.7 ? CaseClosureReason.SupportCompleted : CaseClosureReason.ClientDisengaged,
                    null, UkCalendar.DateOf(clock.Now), exit), ct);
            }
        }
        clock.Now = now;
    }

    private void At(DateTimeOffset at) => clock.Now = at;

    private static CaseService[] Services(string workspace) => workspace == DemoStaff.Northgate
        ? [CaseService.Isva, CaseService.Isva, CaseService.Helpline, CaseService.Outreach]
        : [CaseService.Idva, CaseService.Idva, CaseService.Outreach, CaseService.Refuge, CaseService.ChildrenAndYoungPeople];

    private static OutcomeScores Scores(Random random, bool low) => low
        ? new OutcomeScores(random.Next(1, 5), random.Next(1, 4), random.Next(2, 6), random.Next(1, 6))
        : new OutcomeScores(random.Next(5, 11), random.Next(5, 11), random.Next(4, 10), random.Next(6, 11));

    private static DateTimeOffset Between(Random random, DateTimeOffset from, DateTimeOffset to) =>
        to <= from ? from : from.AddMinutes(random.NextDouble() * (to - from).TotalMinutes);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>Contacts happen in office hours, London time, on the day given.</summary>
    private static DateTimeOffset OfficeHours(DateTimeOffset at)
    {
        var local = UkCalendar.ToLondon(at);
        var hour = Math.Clamp(local.Hour, 9, 16);
        var placed = UkCalendar.At(DateOnly.FromDateTime(local.DateTime), new TimeOnly(hour, local.Minute));
        return placed > at ? at : placed;
    }

    private async Task<Client> LoadClientAsync(WorkspaceAccess access, Guid clientId, CancellationToken ct)
    {
        await using var session = store.QuerySession(access.WorkspaceId);
        return await session.LoadAsync<Client>(clientId, ct) ?? throw new ClientNotFoundException();
    }

    private async Task<Case> LoadCaseAsync(WorkspaceAccess access, Guid caseId, CancellationToken ct)
    {
        await using var session = store.QuerySession(access.WorkspaceId);
        return await session.LoadAsync<Case>(caseId, ct) ?? throw new CaseNotFoundException();
    }
}
