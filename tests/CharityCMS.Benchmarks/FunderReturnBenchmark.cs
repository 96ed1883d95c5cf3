using System.Diagnostics;
using CharityCMS;
using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.Demo;
using CharityCMS.Grants;
using CharityCMS.Grants.Returns;
using CharityCMS.Marac;
using CharityCMS.Referrals;
using CharityCMS.Risk;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using Marten;
using Microsoft.Extensions.DependencyInjection;

/// <summary>What the return seed made, for the report.</summary>
internal sealed record ReturnShape(int Clients, int Cases, int InGrant, int Contacts, int Assessments, int Marac, int Events);

internal sealed record ReturnFigures(ReturnShape Shape, TimeSpan Seeding, Latency Compute, TimeSpan Template, TimeSpan Csv, TimeSpan Workbook, TimeSpan Pdf);

/// <summary>
/// A year's funder return for a large workspace, in a workspace of its own: 10,000 cases opened
/// over the year before the return's end (three in four IDVA, the grant's service), each with its
/// referral, contact log, abuse types and outcomes, half with a completed risk assessment and the
/// high-risk ones referred to MARAC. Seeded as bulk appends of the app's own events (its inline
/// projections build the documents the return reads), then <see cref="FunderReturns.ComputeAsync"/>
/// is timed for the whole year, and the template and three exports once each.
/// </summary>
internal static class FunderReturnBenchmark
{
    private const int WarmUp = 3;
    private const int CasesPerSave = 250;

    private static readonly string[] Notes =
    [
        "Talked through her safety plan. She is staying with her sister for now and feels calmer.",
        "Checked in after the court hearing. She was tired but relieved the order was granted.",
        "She asked about her housing options; explained the homelessness duty and offered to come to the appointment.",
        "Short call: she could not talk, he was nearby. Will try tomorrow morning as agreed.",
        "Helped her prepare for the police statement next week.",
    ];

    public static async Task<ReturnFigures> RunAsync(IServiceProvider services, string connectionString, BenchmarkOptions options)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        var workspace = await TestWorkspace.CreateAsync(store, "bench-returns", "BRT");
        var manager = await workspace.AccessAsync(WorkspaceRole.Caseworker, WorkspaceRole.Manager);

        // The year ends yesterday (London), so every case and referral is in the past.
        var to = UkCalendar.DateOf(DateTimeOffset.UtcNow).AddDays(-1);
        var from = to.AddYears(-1).AddDays(1);
        var funderId = await services.GetRequiredService<Funders>().RegisterAsync(manager,
            new FunderDetails("Benchmark PCC", FunderType.PoliceAndCrimeCommissioner, null, null, null, null), default);
        var grantId = await services.GetRequiredService<GrantTermsHandler>().RecordAsync(manager, new GrantTermsForm(
            funderId, "IDVA service", "BENCH/001", 120_000m, Restricted: true, from, to, [CaseService.Idva], "3 FTE IDVA", manager.Member.Id, null), default);

        Console.WriteLine($"Seeding a year of casework for the funder return: {options.ReturnCases:N0} cases as bulk appends of the app's events...");
        var seedClock = Stopwatch.StartNew();
        var shape = await ReturnSeed.RunAsync(store, manager, from, to, options.ReturnCases);
        await Seed.AnalyzeAsync(connectionString);
        seedClock.Stop();
        Console.WriteLine($"Seeded {shape.Cases:N0} cases ({shape.Events:N0} events) in {seedClock.Elapsed.TotalSeconds:N0} s.");

        var returns = services.GetRequiredService<FunderReturns>();
        FunderReturn computed = null!;
        var compute = await Measure.LatencyAsync(options.ReturnSamples, WarmUp, async _ =>
            computed = await returns.ComputeAsync(manager, grantId, from, to, default));
        var clients = computed.Sections.Single(s => s.Key == "clients").Rows[0].Cells[0].Value;
        if (clients is null or 0) throw new InvalidOperationException("The return counted no clients.");

        var template = ReturnTemplates.Default(funderId);
        var templated = Once(() => ReturnTemplates.Apply(computed, template), out var templateTime);
        Once(() => ReturnCsv.Write(templated), out var csv);
        Once(() => ReturnWorkbook.Write(templated), out var workbook);
        Once(() => ReturnPdf.Write(templated), out var pdf);
        return new ReturnFigures(shape, seedClock.Elapsed, compute, templateTime, csv, workbook, pdf);
    }

    private static T Once<T>(Func<T> work, out TimeSpan elapsed)
    {
        var started = Stopwatch.GetTimestamp();
        var result = work();
        elapsed = Stopwatch.GetElapsedTime(started);
        return result;
    }

    private static class ReturnSeed
    {
        /// <summary>
        /// Clients (one in eight has a second case), then per case: a referral received, accepted into
        /// the case and first contact made; the case opened with abuse types, intake outcomes, 2 to 40
        /// contacts, and for a third of them exit outcomes and closure; a risk assessment completed for
        /// every other client, a MARAC referral for the high-risk ones. Deterministic.
        /// </summary>
        public static async Task<ReturnShape> RunAsync(IDocumentStore store, WorkspaceAccess manager, DateOnly from, DateOnly to, int cases)
        {
            var random = new Random(20261201);
            var by = manager.Member;
            var clientCount = cases * 7 / 8;
            var registrations = new DemoClients(seed: 77, area: DemoStaff.Riverside).Generate(clientCount, UkCalendar.At(from.AddDays(-30), TimeOnly.MinValue));
            var clients = new List<(Guid Id, string Reference, RegisterClient Command)>(clientCount);
            var events = 0;
            foreach (var (batch, batchIndex) in registrations.Chunk(1000).Select((b, i) => (b, i)))
            {
                await using var session = store.LightweightSession(manager.WorkspaceId);
                foreach (var (registration, i) in batch.Select((r, i) => (r, batchIndex * 1000 + i + 1)))
                {
                    var id = Guid.CreateVersion7();
                    var reference = ClientReferences.Format("BRT", i);
                    var registering = Client.Registering(registration.Command, reference, by, registration.RegisteredAt);
                    session.Events.StartStream<Client>(id, registering);
                    events += registering.Length;
                    clients.Add((id, reference, registration.Command));
                }
                await session.SaveChangesAsync();
            }

            int inGrant = 0, contacts = 0, assessments = 0, marac = 0;
            var days = to.DayNumber - from.DayNumber;
            for (var start = 0; start < cases; start += CasesPerSave)
            {
                await using var session = store.LightweightSession(manager.WorkspaceId);
                for (var i = start; i < Math.Min(cases, start + CasesPerSave); i++)
                {
                    var client = clients[i % clientCount];
                    var service = i % 4 == 3 ? CaseService.Isva : CaseService.Idva;
                    if (service == CaseService.Idva) inGrant++;
                    var openedOn = from.AddDays(random.Next(days));
                    var openedAt = UkCalendar.At(openedOn, new TimeOnly(10, 0));
                    DateOnly? closedOn = random.Next(3) == 0 && openedOn.AddDays(20) < to ? openedOn.AddDays(random.Next(20, Math.Min(200, to.DayNumber - openedOn.DayNumber))) : null;
                    var end = closedOn is { } closed ? UkCalendar.At(closed, new TimeOnly(9, 0)) : UkCalendar.At(to, new TimeOnly(17, 0));

                    var referralId = Guid.CreateVersion7();
                    var caseId = Guid.CreateVersion7();
                    var received = openedAt.AddHours(-random.Next(2, 96));
                    var person = new ReferredPerson(client.Command.Details.LegalName, client.Command.Details.DateOfBirth, client.Command.Details.ApproximateAge,
                        client.Command.Contact, client.Command.Address, SafeToWrite: false);
                    object[] referral =
                    [
                        new ReferralReceived(ReferralSource.Police, new Referrer("Northshire Police", "PC Jones", null, null), received, "Domestic abuse incident", null, true, person, by, received),
                        new ReferralAccepted(client.Id, client.Reference, false, caseId, service, by, by, openedAt),
                        new FirstContactAttempted(Guid.CreateVersion7(), ContactMethod.Call, true, openedAt.AddHours(random.Next(1, 72)), null, null, by, openedAt.AddHours(72)),
                    ];
                    session.Events.StartStream<Referral>(referralId, referral);

                    var log = new List<object>
                    {
                        new CaseOpened(client.Id, client.Reference, service, by, referralId, openedOn, by, openedAt),
                        new CaseAbuseTypesRecorded(Enumerable.Range(0, random.Next(1, 4)).Select(_ => (AbuseType)random.Next(14)).Distinct().Order().ToList(), by, openedAt),
                        new OutcomesRecorded(OutcomeStage.Intake, Scores(random), by, openedAt),
                    };
                    var contactCount = random.Next(2, 41);
                    for (var n = 0; n < contactCount; n++)
                    {
                        var at = openedAt.AddMinutes(random.NextDouble() * Math.Max(60, (end - openedAt).TotalMinutes));
                        log.Add(new ContactLogged(Guid.CreateVersion7(), ContactMethod.Visit, random.NextDouble() > 0.2, at, random.Next(5, 60), null,
                            Notes[random.Next(Notes.Length)], by, at.AddMinutes(10)));
                    }
                    contacts += contactCount;
                    if (closedOn is { } closing)
                    {
                        log.Add(new OutcomesRecorded(OutcomeStage.Exit, Scores(random), by, end));
                        log.Add(new CaseClosed(CaseClosureReason.SupportCompleted, null, closing, by, end));
                    }
                    session.Events.StartStream<Case>(caseId, log.ToArray());
                    events += referral.Length + log.Count;

                    if (i % 2 == 0)
                    {
                        var level = random.Next(20) switch { < 5 => RiskLevel.High, < 12 => RiskLevel.Medium, _ => RiskLevel.Standard };
                        var completedAt = openedAt.AddDays(1);
                        session.Events.StartStream<RiskAssessment>(Guid.CreateVersion7(),
                            new RiskAssessmentStarted(client.Id, caseId, by, openedAt),
                            new RiskAssessmentCompleted([], level == RiskLevel.High ? 15 : 5, level, null, level, null, [], by, completedAt));
                        assessments++;
                        events += 2;
                        if (level == RiskLevel.High)
                        {
                            var referredOn = UkCalendar.DateOf(completedAt);
                            session.Events.StartStream<MaracReferral>(Guid.CreateVersion7(),
                                new MaracReferralMade(client.Id, client.Reference, caseId, [MaracCriterion.VisibleHighRisk], random.Next(4) == 0,
                                    referredOn, referredOn.AddDays(14), by, completedAt));
                            marac++;
                            events++;
                        }
                    }
                }
                await session.SaveChangesAsync();
                Console.Write($"\r  {Math.Min(cases, start + CasesPerSave):N0}/{cases:N0} cases");
            }
            Console.WriteLine();
            return new ReturnShape(clientCount, cases, inGrant, contacts, assessments, marac, events);
        }

        private static OutcomeScores Scores(Random random) => new(random.Next(1, 11), random.Next(1, 11), random.Next(1, 11), random.Next(1, 11));
    }
}
