using System.Diagnostics;
using CharityCMS;
using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.Reminders;
using CharityCMS.Risk;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using Marten;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Lets the casework seed date what it records in the past (cases opened months ago, contacts,
/// assessments completed weeks ago), each case on its own async flow; the real time otherwise.
/// </summary>
internal sealed class SeedClock : TimeProvider
{
    private readonly AsyncLocal<DateTimeOffset?> at = new();

    /// <summary>The time the calling flow sees; null is the real time.</summary>
    public DateTimeOffset? At
    {
        get => at.Value;
        set => at.Value = value;
    }

    public override DateTimeOffset GetUtcNow() => at.Value ?? base.GetUtcNow();
}

/// <summary>What the casework seed made, for the report.</summary>
internal sealed record CaseworkShape(int Cases, int Open, int Waiting, int Workers, int MyOpenCases, int Assessed, int HighRisk, int Contacts, int ContactsPerMyCase);

internal sealed record CaseworkFigures(
    CaseworkShape Shape,
    TimeSpan Seeding,
    Latency Mine,
    Latency Team,
    Latency OpenCase,
    Latency LogContact,
    TimeSpan ReminderRun,
    ReminderRunResult Reminders,
    TimeSpan RepeatRun);

/// <summary>
/// Casework at one charity's scale, in one workspace: 1,500 cases over 12 caseworkers, two in five
/// still open (one worker with 60 of them, 30 waiting for allocation), three in five assessed for
/// risk, every record made through the handlers staff use and dated as it would have been. Then the
/// caseloads, the case page, logging a contact and the daily reminder run, all on the production path.
/// </summary>
internal static class CaseworkBenchmark
{
    private const int WarmUp = 20;

    private static readonly string[] Notes =
    [
        "Talked through her safety plan. She is staying with her sister for now and feels calmer.",
        "Checked in after the court hearing. She was tired but relieved the order was granted.",
        "She asked about her housing options; explained the homelessness duty and offered to come to the appointment.",
        "Agreed a code word for calls. She will text 'OK' after each appointment.",
        "Short call: she could not talk, he was nearby. Will try tomorrow morning as agreed.",
    ];

    public static async Task<CaseworkFigures> RunAsync(IServiceProvider services, SeedClock clock, string connectionString, SeededWorkspace workspace, BenchmarkOptions options)
    {
        Console.WriteLine($"Seeding casework: {options.Cases:N0} cases in {workspace.Access.WorkspaceId} through the handlers...");
        var seedClock = Stopwatch.StartNew();
        var seeded = await CaseworkSeed.RunAsync(services, clock, connectionString, workspace, options.Cases);
        seedClock.Stop();
        Console.WriteLine($"Seeded {seeded.Shape.Cases:N0} cases and {seeded.Shape.Contacts:N0} contacts in {seedClock.Elapsed.TotalSeconds:N0} s.");

        var ct = CancellationToken.None;
        var random = new Random(60);
        var caseloads = services.GetRequiredService<Caseloads>();
        var queries = services.GetRequiredService<CaseQueries>();
        var contacts = services.GetRequiredService<ContactLogHandler>();
        var samples = options.CaseworkSamples;

        // The worker's own caseload, and the manager's team view of the whole workspace.
        var mine = await Measure.LatencyAsync(samples, WarmUp, async _ =>
        {
            var rows = await caseloads.MineAsync(seeded.Me, ct);
            if (rows.Count != seeded.MyCases.Count) throw new InvalidOperationException($"My caseload has {rows.Count} rows, not {seeded.MyCases.Count}.");
        });
        var team = await Measure.LatencyAsync(samples, WarmUp, async _ =>
        {
            var view = await caseloads.TeamAsync(workspace.Access, ct);
            if (view.Unallocated.Count != seeded.Shape.Waiting) throw new InvalidOperationException($"The team caseload has {view.Unallocated.Count} waiting cases, not {seeded.Shape.Waiting}.");
        });

        // The case page as the worker opens it: guard, audit entry committed, timeline.
        var open = await Measure.LatencyAsync(samples, WarmUp, async _ =>
        {
            var caseId = seeded.MyCases[random.Next(seeded.MyCases.Count)];
            if (await queries.OpenAsync(seeded.Me, caseId, ct) is null) throw new InvalidOperationException("A seeded case was not found.");
        });

        // A visit logged on one of her cases, now.
        var log = await Measure.LatencyAsync(samples, WarmUp, async i =>
        {
            var caseId = seeded.MyCases[random.Next(seeded.MyCases.Count)];
            await contacts.LogAsync(seeded.Me, new LogContact(caseId, ContactMethod.Visit, true, clock.GetUtcNow(), 30, null, Notes[i % Notes.Length]), ct);
        });

        // The daily run for this workspace: first raising today's reminders, then again, raising nothing.
        var reminders = services.GetRequiredService<ReminderRun>();
        var runClock = Stopwatch.StartNew();
        var result = await reminders.RunAsync(workspace.Access.WorkspaceId, ct);
        var firstRun = runClock.Elapsed;
        runClock.Restart();
        var repeat = await reminders.RunAsync(workspace.Access.WorkspaceId, ct);
        var repeatRun = runClock.Elapsed;
        if (result.Due == 0 || repeat.Raised != 0) throw new InvalidOperationException($"The reminder runs found {result.Due} due and raised {repeat.Raised} again.");

        return new CaseworkFigures(seeded.Shape, seedClock.Elapsed, mine, team, open, log, firstRun, result, repeatRun);
    }
}

internal sealed record SeededCasework(CaseworkShape Shape, WorkspaceAccess Me, IReadOnlyList<Guid> MyCases);

internal static class CaseworkSeed
{
    /// <summary>One case to make: whose, open or closed, dated when, with how many contacts, and the risk level its assessment ends at.</summary>
    private sealed record CasePlan(int Index, Client Client, WorkspaceAccess? Worker, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, int Contacts, RiskLevel? Risk, bool SafetyAction)
    {
        public bool IsMine(WorkspaceAccess me) => ClosedAt is null && Worker?.Member.Id == me.Member.Id;
    }

    private const int Workers = 12;
    private const int MyOpenCases = 60;
    private const int ContactsPerMyCase = 30;

    public static async Task<SeededCasework> RunAsync(IServiceProvider services, SeedClock clock, string connectionString, SeededWorkspace workspace, int cases)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        var manager = workspace.Access;
        var workers = new List<WorkspaceAccess>();
        for (var w = 1; w <= Workers; w++) workers.Add((await workspace.Workspace.AddMemberAsync($"Worker {w:D2}", WorkspaceRole.Caseworker)).Access);
        var me = workers[0];

        List<Client> clients;
        await using (var session = store.QuerySession(manager.WorkspaceId))
            clients = (await session.Query<Client>().OrderBy(c => c.Reference).Take(cases).ToListAsync()).ToList();
        if (clients.Count < cases) throw new InvalidOperationException($"The workspace has {clients.Count} clients, fewer than {cases} cases.");

        var plans = Plan(clients, workers, DateTimeOffset.UtcNow);
        var opened = new Guid[plans.Count];
        var done = 0;
        await Parallel.ForEachAsync(plans, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (plan, ct) =>
        {
            opened[plan.Index] = await SeedCaseAsync(services, clock, manager, plan, ct);
            if (Interlocked.Increment(ref done) % 100 == 0) Console.Write($"\r  {done}/{plans.Count} cases");
        });
        Console.WriteLine();

        await Seed.AnalyzeAsync(connectionString);

        var shape = new CaseworkShape(
            plans.Count,
            plans.Count(p => p.ClosedAt is null),
            plans.Count(p => p.ClosedAt is null && p.Worker is null),
            Workers,
            plans.Count(p => p.IsMine(me)),
            plans.Count(p => p.Risk is not null),
            plans.Count(p => p.Risk == RiskLevel.High),
            plans.Sum(p => p.Contacts),
            ContactsPerMyCase);
        return new SeededCasework(shape, me, plans.Where(p => p.IsMine(me)).Select(p => opened[p.Index]).ToList());
    }

    /// <summary>
    /// Two in five cases open: the first 60 are the measured worker's, the next 30 wait for a worker,
    /// the rest go round the other eleven. The closed ones go round all twelve. Deterministic.
    /// </summary>
    private static List<CasePlan> Plan(IReadOnlyList<Client> clients, IReadOnlyList<WorkspaceAccess> workers, DateTimeOffset now)
    {
        var random = new Random(1500);
        var openCount = clients.Count * 2 / 5;
        var waiting = clients.Count / 50;
        var plans = new List<CasePlan>(clients.Count);
        for (var i = 0; i < clients.Count; i++)
        {
            var isOpen = i < openCount;
            var isWaiting = isOpen && i >= MyOpenCases && i < MyOpenCases + waiting;
            var worker = !isOpen ? workers[i % workers.Count]
                : i < MyOpenCases ? workers[0]
                : isWaiting ? null
                : workers[1 + i % (workers.Count - 1)];
            var openedAt = now.AddDays(-(isOpen ? random.Next(1, 240) : random.Next(200, 730))).AddMinutes(-random.Next(0, 600));
            if (openedAt < clients[i].RegisteredAt.AddHours(1)) openedAt = Min(clients[i].RegisteredAt.AddHours(1), now.AddHours(-6));
            DateTimeOffset? closedAt = isOpen ? null : Min(openedAt.AddDays(random.Next(20, 180)), now.AddDays(-1));
            var contacts = isWaiting ? 0 : i < MyOpenCases ? ContactsPerMyCase : random.Next(1, 9);
            RiskLevel? risk = isWaiting || random.Next(5) >= 3 ? null
                : random.Next(20) switch { < 5 => RiskLevel.High, < 12 => RiskLevel.Medium, _ => RiskLevel.Standard };
            var safetyAction = isOpen && !isWaiting && random.Next(3) == 0;
            plans.Add(new CasePlan(i, clients[i], worker, openedAt, closedAt, contacts, risk, safetyAction));
        }
        return plans;
    }

    /// <summary>Opens the case (the manager allocates it), assesses risk, adds a safety action, logs the contacts and closes it, each at its own time.</summary>
    private static async Task<Guid> SeedCaseAsync(IServiceProvider services, SeedClock clock, WorkspaceAccess manager, CasePlan plan, CancellationToken ct)
    {
        var random = new Random(plan.Index);
        var by = plan.Worker ?? manager;
        var end = plan.ClosedAt ?? clock.GetUtcNow().AddHours(-1);

        clock.At = plan.OpenedAt;
        var caseId = await services.GetRequiredService<OpenCaseHandler>().HandleAsync(manager,
            new OpenCase(plan.Client.Id, CaseService.Idva, plan.Worker?.Member.Id, UkCalendar.DateOf(plan.OpenedAt)), ct);
        long version = 1;

        if (plan.Risk is { } level)
        {
            clock.At = Min(plan.OpenedAt.AddDays(1), end);
            var assessmentId = await services.GetRequiredService<StartRiskAssessmentHandler>().HandleAsync(by, new StartRiskAssessment(plan.Client.Id, caseId), ct);
            var yes = level switch { RiskLevel.High => 15, RiskLevel.Medium => 11, _ => 3 };
            await services.GetRequiredService<CompleteRiskAssessmentHandler>().HandleAsync(by, new CompleteRiskAssessment(assessmentId, 1, SampleRisk.Form(yes)), ct);
        }

        if (plan.SafetyAction)
        {
            var added = Min(plan.OpenedAt.AddDays(2), end);
            clock.At = added;
            version = (await services.GetRequiredService<SafetyPlanHandler>().AddAsync(by,
                new AddSafetyPlanAction(caseId, "Panic alarm fitted", "Police", UkCalendar.DateOf(added).AddDays(random.Next(7, 43))), ct)).Version;
        }

        var logging = services.GetRequiredService<ContactLogHandler>();
        var methods = SafeContactRules.SafeMethods(plan.Client.Contact, plan.Client.Address).ToList();
        var from = plan.OpenedAt.AddMinutes(30);
        var times = Enumerable.Range(0, plan.Contacts).Select(_ => end <= from ? from : from.AddMinutes(random.NextDouble() * (end - from).TotalMinutes)).Order();
        foreach (var at in times)
        {
            var method = methods.Count == 0 ? ContactMethod.Visit : methods[random.Next(methods.Count)];
            var phone = method.UsesPhone()
                ? plan.Client.Contact.Phones.First(p => SafeContactRules.RefusalFor(method, p.Number, plan.Client.Contact, plan.Client.Address) is null).Number
                : null;
            clock.At = at.AddMinutes(10);
            version = (await logging.LogAsync(by, new LogContact(caseId, method, random.NextDouble() > 0.2, at, random.Next(5, 60), phone,
                Notes[random.Next(Notes.Length)]), ct)).Version;
        }

        if (plan.ClosedAt is { } closedAt)
        {
            clock.At = closedAt.AddMinutes(20);
            await services.GetRequiredService<CloseCaseHandler>().HandleAsync(by,
                new CloseCase(caseId, version, CaseClosureReason.SupportCompleted, null, UkCalendar.DateOf(closedAt), null), ct);
        }
        clock.At = null;
        return caseId;
    }

    private static readonly string[] Notes =
    [
        "Talked through her safety plan. She is staying with her sister for now and feels calmer.",
        "Discussed the children's school pick-up arrangements and who knows about the order.",
        "He has been sending messages through a friend. Agreed she will screenshot and keep them.",
        "She sounded low. Talked about her GP and the counselling waiting list.",
        "Helped her prepare for the police statement next week.",
    ];

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
