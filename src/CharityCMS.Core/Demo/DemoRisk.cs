using CharityCMS.Cases;
using CharityCMS.Marac;
using CharityCMS.Risk;
using CharityCMS.Workspaces;
using FluentValidation;
using Marten;

namespace CharityCMS.Demo;

/// <summary>A demo client and the worker who looks after her (who registered her, so she is on her caseload).</summary>
public sealed record DemoCaseloadClient(Guid ClientId, DateTimeOffset RegisteredAt, WorkspaceAccess Worker);

/// <summary>
/// Risk history for the demo: completed assessments for about a third of the clients (some high
/// risk, some reassessed two or three times over months, a few raised by professional judgement)
/// and MARAC referrals with actions for some of the high-risk ones. Made through the same handlers
/// staff use, dated in the past, and deterministic for a seed.
/// </summary>
public sealed class DemoRisk(
    IDocumentStore store,
    CaseloadGuard guard,
    IValidator<CompleteRiskAssessment> completeRules,
    IValidator<MakeMaracReferral> referralRules,
    IValidator<AgreeMaracAction> actionRules,
    IValidator<CompleteMaracAction> actionDoneRules,
    IValidator<RecordMaracOutcome> outcomeRules)
{
    private static readonly (string Action, string Agency)[] Actions =
    [
        ("Fit a panic alarm and flag the address for urgent response", "Police"),
        ("Target-harden the property: new locks and a door chain", "Housing"),
        ("Share the safety plan with the children's school", "Children's social care"),
        ("Check bail conditions and tell her of any change", "Police"),
        ("Offer a refuge space if she wants to move", "Refuge"),
        ("Tech sweep of her phone and accounts", "Police"),
        ("GP to be told of the risk; flag the record", "Health"),
        ("Support with a non-molestation order application", "IDVA service"),
    ];

    private static readonly string[] Rationales =
    [
        "He was released from custody last week and has already driven past her house twice.",
        "She minimises what happens; the injuries seen at the visit do not match what she says.",
        "He has started to turn up at her work and her sister reports threats made to the family.",
    ];

    private static readonly string[] Outcomes =
    [
        "Heard at MARAC. Actions agreed with police, housing and children's social care; case to stay open with the IDVA.",
        "Heard at MARAC. Police to lead; review at the next meeting if there is a further incident.",
    ];

    public async Task SeedAsync(IReadOnlyList<DemoCaseloadClient> clients, DateTimeOffset now, int seed, CancellationToken ct)
    {
        var random = new Random(seed);
        var clock = new DemoClock(now);
        var start = new StartRiskAssessmentHandler(store, guard, clock);
        var complete = new CompleteRiskAssessmentHandler(store, completeRules, guard, clock);
        var refer = new MakeMaracReferralHandler(store, referralRules, guard, clock);
        var agree = new AgreeMaracActionHandler(store, actionRules, guard, clock);
        var done = new CompleteMaracActionHandler(store, actionDoneRules, guard, clock);
        var outcome = new RecordMaracOutcomeHandler(store, outcomeRules, guard, clock);
        var referrals = 0;

        foreach (var client in clients)
        {
            if (random.NextDouble() > 0.35) continue;
            // History is replayed through the handlers, which ask about her caseload as it is today: a
            // worker whose case with her closed long ago no longer reaches her, so she has none of this.
            if (!await guard.MayReachAsync(client.Worker, client.ClientId, ct)) continue;
            var first = client.RegisteredAt.AddDays(random.Next(3, 21));
            if (first > now.AddDays(-2)) continue;

            var visits = random.NextDouble() < 0.4 ? random.Next(2, 4) : 1;
            var highRisk = random.NextDouble() < 0.3;
            var at = first;
            var endedHigh = false;
            for (var visit = 0; visit < visits && at < now.AddDays(-1); visit++)
            {
                // A high-risk client's score tends to rise towards high; others stay standard or medium.
                var yes = highRisk ? Math.Min(22, random.Next(10, 15) + visit * random.Next(1, 4)) : random.Next(2, 12);
                var judged = !highRisk && yes >= 8 && random.NextDouble() < 0.15;
                clock.Now = at;
                var id = await start.HandleAsync(client.Worker, new StartRiskAssessment(client.ClientId), ct);
                clock.Now = at.AddMinutes(random.Next(25, 70));
                await complete.HandleAsync(client.Worker, new CompleteRiskAssessment(id, 1, Form(random, yes, judged)), ct);
                endedHigh = judged || yes >= 14;
                at = at.AddDays(7 * random.Next(6, 13));
            }

            if (endedHigh && referrals < 8 && clock.Now < now.AddDays(-1))
            {
                referrals++;
                var referredOn = UkCalendar.DateOf(clock.Now).AddDays(1);
                var meetingOn = referredOn.AddDays(random.Next(10, 22));
                clock.Now = UkCalendar.At(referredOn, new TimeOnly(11, 0));
                if (clock.Now > now) continue;
                var referralId = await refer.HandleAsync(client.Worker, new MakeMaracReferral(client.ClientId, null, referredOn, meetingOn), ct);
                var version = 1L;
                var meetingHeld = UkCalendar.At(meetingOn, new TimeOnly(15, 0)) < now;
                clock.Now = meetingHeld ? UkCalendar.At(meetingOn, new TimeOnly(15, 0)) : clock.Now.AddHours(1);
                var actions = random.Next(2, 4);
                foreach (var (action, agency) in Actions.OrderBy(_ => random.Next()).Take(actions))
                    version = await agree.HandleAsync(client.Worker, new AgreeMaracAction(referralId, version, action, agency, meetingOn.AddDays(random.Next(3, 28))), ct);
                if (!meetingHeld) continue;
                version = await outcome.HandleAsync(client.Worker, new RecordMaracOutcome(referralId, version, Outcomes[random.Next(Outcomes.Length)]), ct);
                await using var session = store.QuerySession(client.Worker.WorkspaceId);
                var referral = await session.LoadAsync<MaracReferral>(referralId, ct);
                foreach (var action in referral!.Actions.Where(a => UkCalendar.At(a.DueOn, new TimeOnly(12, 0)) < now && random.NextDouble() < 0.7))
                {
                    clock.Now = UkCalendar.At(action.DueOn, new TimeOnly(12, 0));
                    version = await done.HandleAsync(client.Worker, new CompleteMaracAction(referralId, version, action.Id, action.DueOn, "Done."), ct);
                }
            }
        }
    }

    private static RiskForm Form(Random random, int yes, bool judged)
    {
        var yesIds = RiskChecklist.Questions.OrderBy(_ => random.Next()).Take(yes).Select(q => q.Id).ToHashSet();
        var answers = RiskChecklist.Questions
            .Select(q => new ChecklistAnswer(q.Id, yesIds.Contains(q.Id) ? RiskAnswer.Yes : random.NextDouble() switch
            {
                < 0.8 => RiskAnswer.No,
                < 0.93 => RiskAnswer.DontKnow,
                _ => RiskAnswer.NotAsked,
            }))
            .ToList();
        var stalking = yesIds.Contains(RiskChecklist.StalkingQuestionId)
            ? RiskChecklist.StalkingScreen.Select(q => new ChecklistAnswer(q.Id, random.NextDouble() < 0.5 ? RiskAnswer.Yes : RiskAnswer.No)).ToList()
            : [];
        return new RiskForm(answers, stalking, judged ? RiskLevel.High : null, judged ? Rationales[random.Next(Rationales.Length)] : null);
    }
}
