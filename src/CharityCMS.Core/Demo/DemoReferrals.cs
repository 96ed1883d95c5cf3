using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.Referrals;
using CharityCMS.Risk;
using CharityCMS.Workspaces;
using Marten;

namespace CharityCMS.Demo;

/// <summary>
/// A demo workspace's referrals, made through the same handlers staff use: some waiting for triage
/// for a few days, some accepted (linked to demo clients, each with a case and a first contact),
/// one declined and one signposted. Fictional people only, numbers from Ofcom's drama range.
/// Deterministic: the same clients and times every run, relative to the seed's "now".
/// </summary>
public sealed class DemoReferrals(IDocumentStore store, ClientReferences references)
{
    private sealed record Waiting(string Name, int? Age, ReferralSource Source, string? Organisation, RiskLevel? Risk, double DaysAgo, string Reason, bool Tried);

    private static readonly Waiting[] StillWaiting =
    [
        new("Kerry Ashworth", 41, ReferralSource.Police, "West Yorkshire Police", RiskLevel.High, 4.2,
            "Attended a domestic incident; partner arrested and bailed. She agreed to a referral.", Tried: true),
        new("Noor Hassan", 27, ReferralSource.Self, null, null, 2.6,
            "I don't know if this is the right place. He checks my phone and won't let me see my sister.", Tried: false),
        new("Dana Whitfield", 33, ReferralSource.Health, "Health visiting team", RiskLevel.Medium, 1.3,
            "Disclosed emotional abuse at a new-birth visit; baby is 3 weeks old.", Tried: true),
        new("Lucy Brennan", 52, ReferralSource.Marac, "MARAC coordinator", RiskLevel.High, 0.4,
            "Heard at MARAC this morning; IDVA support requested. Ex-partner has breached a non-molestation order.", Tried: false),
    ];

    public async Task SeedAsync(WorkspaceAccess manager, IReadOnlyList<Guid> clientIds, DateTimeOffset now, CancellationToken ct)
    {
        var clock = new DemoClock(now);
        var receive = new ReceiveReferralHandler(store, new ReceiveReferralValidator(clock), clock);
        var self = new SubmitSelfReferralHandler(store, new SubmitSelfReferralValidator(clock), clock.Inbox(store), clock);
        var workers = new CaseWorkers(store);
        var triage = new TriageReferralHandler(store, new AcceptReferralValidator(new RegisterClientValidator(clock)), new DeclineReferralValidator(),
            new SignpostReferralValidator(), references, new OpenCaseHandler(store, new OpenCaseValidator(clock), workers, clock.Guard(store), clock), clock);
        var log = new LogFirstContactAttemptHandler(store, new LogFirstContactAttemptValidator(clock), clock);
        var staff = await workers.AllAsync(manager.WorkspaceId, ct);
        var number = 950;

        foreach (var waiting in StillWaiting)
        {
            var receivedAt = now.AddDays(-waiting.DaysAgo);
            clock.Now = receivedAt;
            var person = Person(waiting.Name, null, waiting.Age, $"07700 900{number++:D3}");
            var id = waiting.Source == ReferralSource.Self
                ? await self.HandleAsync(manager.WorkspaceId, new SubmitSelfReferral(person, waiting.Reason, true), ct)
                : await receive.HandleAsync(manager, Agency(waiting.Source, waiting.Organisation!, receivedAt, waiting.Reason, waiting.Risk, person), ct);
            if (waiting.Tried)
            {
                clock.Now = receivedAt.AddHours(3);
                await log.HandleAsync(manager, new LogFirstContactAttempt(id, ContactMethod.Call, false, clock.Now, person.Contact.Phones[0].Number,
                    "No answer. Did not leave a voicemail."), ct);
            }
        }

        // Accepted: five of the demo's clients came in as referrals, were reached and have a case.
        var services = new[] { CaseService.Idva, CaseService.Outreach, CaseService.Isva, CaseService.Idva, CaseService.Refuge };
        await using var query = store.QuerySession(manager.WorkspaceId);
        for (var i = 0; i < 5 && i * 37 + 5 < clientIds.Count; i++)
        {
            var client = await query.LoadAsync<Client>(clientIds[i * 37 + 5], ct);
            if (client is null) continue;
            var receivedAt = OfficeHours(now, 20 + i * 9, 9 + i, 10 * i);
            clock.Now = receivedAt;
            var phone = client.Contact.Phones.FirstOrDefault(p => p.SafeToCall);
            var person = new ReferredPerson(client.Details.LegalName, client.Details.DateOfBirth, client.Details.ApproximateAge, client.Contact, client.Address,
                SafeToWrite: false);
            var source = i % 2 == 0 ? ReferralSource.Police : ReferralSource.ChildrensSocialCare;
            var id = await receive.HandleAsync(manager, Agency(source, source == ReferralSource.Police ? "West Yorkshire Police" : "Children's social care, Leeds",
                receivedAt, "Referral following a disclosure; she consented to support.", i % 2 == 0 ? RiskLevel.High : RiskLevel.Medium, person), ct);
            var version = 1L;
            if (phone is not null)
            {
                clock.Now = receivedAt.AddHours(2);
                await log.HandleAsync(manager, new LogFirstContactAttempt(id, ContactMethod.Call, false, clock.Now, phone.Number, "No answer."), ct);
                clock.Now = receivedAt.AddHours(26 + i * 5);
                await log.HandleAsync(manager, new LogFirstContactAttempt(id, ContactMethod.Call, true, clock.Now, phone.Number,
                    "Spoke with her; she would like support and gave a safe time to call."), ct);
                version = 3;
            }
            clock.Now = OfficeHours(now, 18 + i * 9, 15, 30);
            await triage.AcceptAsync(manager, new AcceptReferral(id, version, client.Id, null, services[i], staff.Count == 0 ? null : staff[i % staff.Count].Id), ct);
        }

        clock.Now = OfficeHours(now, 12, 11, 5);
        var declined = await receive.HandleAsync(manager, Agency(ReferralSource.Housing, "Housing options team", clock.Now,
            "Fleeing abuse in another county; needs emergency accommodation.", null, Person("Tara Moffat", null, 38, $"07700 900{number++:D3}")), ct);
        clock.Now = OfficeHours(now, 11, 9, 40);
        await triage.DeclineAsync(manager, new DeclineReferral(declined, 1, "Lives outside our area; passed to her local service with her consent."), ct);

        clock.Now = OfficeHours(now, 8, 14, 20);
        var signposted = await receive.HandleAsync(manager, Agency(ReferralSource.AnotherCharity, "Citizens Advice", clock.Now,
            "Historic abuse; asking about counselling.", RiskLevel.Standard, Person("Joanne Pike", null, 59, $"07700 900{number:D3}")), ct);
        clock.Now = OfficeHours(now, 7, 10, 0);
        await triage.SignpostAsync(manager, new SignpostReferral(signposted, 1, "Local rape crisis counselling service",
            "Counselling waiting list explained; she will self-refer."), ct);
    }

    /// <summary>A London office-hours time some days before <paramref name="now"/>: when staff record and triage.</summary>
    private static DateTimeOffset OfficeHours(DateTimeOffset now, int daysAgo, int hour, int minute) =>
        UkCalendar.At(UkCalendar.DateOf(now).AddDays(-daysAgo), new TimeOnly(hour, minute));

    private static ReferredPerson Person(string name, DateOnly? born, int? age, string phone) => new(
        name, born, born is null ? age : null,
        new ClientContactDetails([new PhoneNumber(phone, "Mobile", SafeToCall: true, SafeForVoicemail: false, SafeForText: true)], null,
            "Weekdays 10:00 to 14:00 only."),
        null, SafeToWrite: false);

    private static ReceiveReferral Agency(ReferralSource source, string organisation, DateTimeOffset receivedAt, string reason, RiskLevel? risk, ReferredPerson person) =>
        new(source, new Referrer(organisation, "Duty officer", "0113 496 0000", null), receivedAt, reason, risk, ConsentToContact: true, person);
}
