using System.Diagnostics;
using System.Globalization;
using System.Text;
using CharityCMS;
using CharityCMS.Clients;
using CharityCMS.Demo;
using CharityCMS.Storage;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

// The speed benchmark of docs/performance.md. Seeds 20 workspaces of 10,000 clients each on a
// private PostgreSQL cluster, then measures, in one run:
//   1. registering a client through the app's command path against a bare Marten append of the same event;
//   2. client search, p50/p95;
//   3. opening a record including its audit write, p50/p95;
//   4. casework in the first workspace, seeded with 1,500 cases through the handlers (CaseworkBenchmark.cs):
//      the caseloads, opening a case page, logging a contact, and one daily reminder run;
//   5. a year's funder return over 10,000 cases in a workspace of its own (FunderReturnBenchmark.cs),
//      and its template and three exports.
// Usage: dotnet run -c Release --project tests/CharityCMS.Benchmarks
//        [-- --workspaces 20 --clients 10000 --samples 2000 --cases 1500 --casework-samples 300
//            --return-cases 10000 --return-samples 20]

var options = BenchmarkOptions.Parse(args);
Console.WriteLine($"Seeding {options.Workspaces} workspaces x {options.Clients:N0} clients...");
var connectionString = await TestPostgres.CreateDatabaseAsync("benchmark");
var clock = new SeedClock();
var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(clock).AddCharityDomain(connectionString).BuildServiceProvider();
var store = services.GetRequiredService<IDocumentStore>();

var seedClock = Stopwatch.StartNew();
var workspaces = await Seed.RunAsync(store, connectionString, options);
seedClock.Stop();
Console.WriteLine($"Seeded {workspaces.Count * options.Clients:N0} clients in {seedClock.Elapsed.TotalSeconds:N0} s.");

var random = new Random(20261125);
var register = services.GetRequiredService<RegisterClientHandler>();
var find = services.GetRequiredService<FindClientsHandler>();
var records = services.GetRequiredService<ClientRecords>();
var registrations = new DemoClients(seed: 99, area: DemoStaff.Riverside).Generate(options.Samples * 2 + 400, DateTimeOffset.UtcNow).Select(r => r.Command).ToList();

// 1. Registration: the app's whole command path (validation, reference, append, inline projection)
//    against a bare Marten append of the same event (with the inline projection the store always runs).
var appPath = await Measure.RateAsync(options.Samples, 200, async i =>
    await register.HandleAsync(workspaces[i % workspaces.Count].Access, registrations[i], CancellationToken.None));
var bare = await Measure.RateAsync(options.Samples, 200, async i =>
{
    var workspace = workspaces[i % workspaces.Count];
    await using var session = store.LightweightSession(workspace.Access.WorkspaceId);
    var registered = Client.Register(registrations[options.Samples + 200 + i], $"BARE-{i:D6}", workspace.Access.Member, DateTimeOffset.UtcNow);
    session.Events.StartStream<Client>(Guid.CreateVersion7(), registered);
    await session.SaveChangesAsync();
});

// 2. Search: a part of a surname, a reference, or a phone number, in a random workspace.
var search = await Measure.LatencyAsync(options.Samples, 200, async _ =>
{
    var workspace = workspaces[random.Next(workspaces.Count)];
    var sample = workspace.Samples[random.Next(workspace.Samples.Count)];
    var term = random.Next(3) switch
    {
        0 => sample.Surname[..Math.Min(5, sample.Surname.Length)],
        1 => sample.Reference,
        _ => sample.Phone,
    };
    await find.HandleAsync(workspace.Access, new FindClients(term), CancellationToken.None);
});

// 3. Opening a record: load, audit entry committed, history read.
var open = await Measure.LatencyAsync(options.Samples, 200, async _ =>
{
    var workspace = workspaces[random.Next(workspaces.Count)];
    var sample = workspace.Samples[random.Next(workspace.Samples.Count)];
    if (await records.OpenAsync(workspace.Access, sample.Id, CancellationToken.None) is null)
        throw new InvalidOperationException("A seeded client was not found.");
});

// 4. Casework at one charity's scale, in the first workspace.
var casework = await CaseworkBenchmark.RunAsync(services, clock, connectionString, workspaces[0], options);

// 5. A year's funder return for a large workspace.
var funderReturn = await FunderReturnBenchmark.RunAsync(services, connectionString, options);

var report = Report.Write(options, seedClock.Elapsed, appPath, bare, search, open, casework, funderReturn);
Console.WriteLine(report);
var path = Path.Combine(RepositoryRoot.Path, "docs", "benchmark-results.md");
await File.WriteAllTextAsync(path, report);
Console.WriteLine($"Written to {path}");
await TestPostgres.DropDatabaseAsync(connectionString);

internal sealed record BenchmarkOptions(int Workspaces, int Clients, int Samples, int Cases, int CaseworkSamples, int ReturnCases, int ReturnSamples)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        int Read(string name, int fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
        }
        return new BenchmarkOptions(Read("--workspaces", 20), Read("--clients", 10_000), Read("--samples", 2_000),
            Read("--cases", 1_500), Read("--casework-samples", 300), Read("--return-cases", 10_000), Read("--return-samples", 20));
    }
}

/// <summary>A client the measurements look for: what a caseworker would type to find her.</summary>
internal sealed record SeededClient(Guid Id, string Reference, string Surname, string Phone);

internal sealed record SeededWorkspace(TestWorkspace Workspace, WorkspaceAccess Access, IReadOnlyList<SeededClient> Samples);

internal static class Seed
{
    /// <summary>
    /// Writes the clients as the app would (ClientRegistered events on new streams, the inline
    /// snapshot beside them), a thousand to a transaction, without going through validation.
    /// </summary>
    public static async Task<IReadOnlyList<SeededWorkspace>> RunAsync(IDocumentStore store, string connectionString, BenchmarkOptions options)
    {
        var seeded = new List<SeededWorkspace>();
        for (var w = 0; w < options.Workspaces; w++)
        {
            var slug = $"bench-{w:D2}";
            var prefix = "B" + (char)('A' + w / 26) + (char)('A' + w % 26);
            var workspace = await TestWorkspace.CreateAsync(store, slug, prefix);
            var access = await workspace.AccessAsync(WorkspaceRole.Caseworker, WorkspaceRole.Manager);
            var generated = new DemoClients(seed: w, area: w % 2 == 0 ? DemoStaff.Riverside : DemoStaff.Northgate)
                .Generate(options.Clients, DateTimeOffset.UtcNow);
            var samples = new List<SeededClient>();
            foreach (var (batch, batchIndex) in generated.Chunk(1000).Select((b, i) => (b, i)))
            {
                await using var session = store.LightweightSession(slug);
                foreach (var (registration, i) in batch.Select((r, i) => (r, batchIndex * 1000 + i + 1)))
                {
                    var id = Guid.CreateVersion7();
                    var reference = ClientReferences.Format(prefix, i);
                    session.Events.StartStream<Client>(id, Client.Register(registration.Command, reference, access.Member, registration.RegisteredAt));
                    if (i % 50 == 0)
                    {
                        samples.Add(new SeededClient(id, reference, registration.Command.Details.LegalName.Split(' ')[^1],
                            registration.Command.Contact.Phones.FirstOrDefault()?.Number ?? reference));
                    }
                }
                await session.SaveChangesAsync();
            }
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync();
                await using var counter = new NpgsqlCommand(
                    $"insert into {CharityStore.SchemaName}.client_reference_counters (tenant_id, last_number) values ($1, $2)", connection);
                counter.Parameters.AddWithValue(slug);
                counter.Parameters.AddWithValue(options.Clients);
                await counter.ExecuteNonQueryAsync();
            }
            seeded.Add(new SeededWorkspace(workspace, access, samples));
            Console.Write($"\r  {w + 1}/{options.Workspaces} workspaces");
        }
        Console.WriteLine();
        await AnalyzeAsync(connectionString);
        return seeded;
    }

    /// <summary>Refreshes the planner's statistics after a bulk load, as autovacuum would soon after.</summary>
    public static async Task AnalyzeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var analyze = new NpgsqlCommand("analyze", connection);
        await analyze.ExecuteNonQueryAsync();
    }
}

internal sealed record Rate(int Operations, TimeSpan Elapsed)
{
    public double PerSecond => Operations / Elapsed.TotalSeconds;
}

internal sealed record Latency(IReadOnlyList<double> Milliseconds)
{
    public double Percentile(double p)
    {
        var sorted = Milliseconds.Order().ToList();
        return sorted[(int)Math.Ceiling(p / 100 * sorted.Count) - 1];
    }
}

internal static class Measure
{
    public static async Task<Rate> RateAsync(int operations, int warmUp, Func<int, Task> operation)
    {
        for (var i = 0; i < warmUp; i++) await operation(operations + i);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < operations; i++) await operation(i);
        return new Rate(operations, clock.Elapsed);
    }

    public static async Task<Latency> LatencyAsync(int operations, int warmUp, Func<int, Task> operation)
    {
        for (var i = 0; i < warmUp; i++) await operation(i);
        var timings = new List<double>(operations);
        for (var i = 0; i < operations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await operation(i);
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return new Latency(timings);
    }
}

internal static class Report
{
    public static string Write(BenchmarkOptions options, TimeSpan seeding, Rate app, Rate bare, Latency search, Latency open, CaseworkFigures casework, ReturnFigures funderReturn)
    {
        var ratio = app.PerSecond / bare.PerSecond;
        var text = new StringBuilder();
        text.AppendLine("# Benchmark results");
        text.AppendLine();
        text.AppendLine($"Written by `dotnet run -c Release --project tests/CharityCMS.Benchmarks` on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. See docs/performance.md for what is measured and why.");
        text.AppendLine();
        text.AppendLine($"- Data: {options.Workspaces} workspaces x {options.Clients:N0} clients ({options.Workspaces * options.Clients:N0} streams and snapshots), seeded in {seeding.TotalSeconds:N0} s");
        text.AppendLine($"- Machine: {Machine.Cpu()}, {Environment.ProcessorCount} cores, {Machine.MemoryGiB():N0} GiB RAM; {Machine.Postgres()}; .NET {Environment.Version}");
        text.AppendLine($"- Samples: {options.Samples:N0} timed operations per measure after 200 warm-up operations, one client at a time, in process (server time)");
        text.AppendLine();
        text.AppendLine("| Measure | Result | Goal | Met |");
        text.AppendLine("|---|---|---|---|");
        text.AppendLine($"| Register a client, app command path | {app.PerSecond:N0} /s | at least half the bare rate | {(ratio >= 0.5 ? "yes" : "NO")} ({ratio:P0} of bare) |");
        text.AppendLine($"| Register a client, bare Marten append | {bare.PerSecond:N0} /s | (reference) | |");
        text.AppendLine($"| Client search | p50 {search.Percentile(50):N1} ms, p95 {search.Percentile(95):N1} ms | p95 at most 50 ms | {(search.Percentile(95) <= 50 ? "yes" : "NO")} |");
        text.AppendLine($"| Open a record with its audit write | p50 {open.Percentile(50):N1} ms, p95 {open.Percentile(95):N1} ms | p95 at most 30 ms | {(open.Percentile(95) <= 30 ? "yes" : "NO")} |");
        WriteCasework(text, options, casework);
        WriteFunderReturn(text, options, funderReturn);
        return text.ToString();
    }

    private static void WriteCasework(StringBuilder text, BenchmarkOptions options, CaseworkFigures casework)
    {
        var shape = casework.Shape;
        text.AppendLine();
        text.AppendLine("## Casework at one charity's scale");
        text.AppendLine();
        text.AppendLine($"- Data: in the first workspace, {shape.Cases:N0} cases over {shape.Workers} caseworkers, {shape.Open:N0} open ({shape.Waiting} waiting for a worker), "
            + $"{shape.Assessed:N0} with a completed risk assessment ({shape.HighRisk:N0} high risk), {shape.Contacts:N0} contacts logged; "
            + $"made through the handlers, dated over the last two years, in {casework.Seeding.TotalSeconds:N0} s");
        text.AppendLine($"- The measured caseworker has {shape.MyOpenCases} open cases of {shape.ContactsPerMyCase} contacts each; the team caseload is read by a manager");
        text.AppendLine($"- Samples: {options.CaseworkSamples:N0} timed operations per measure after 20 warm-up operations, one at a time, in process (server time)");
        text.AppendLine();
        text.AppendLine("| Measure | Result | Goal | Met |");
        text.AppendLine("|---|---|---|---|");
        text.AppendLine($"| My caseload ({shape.MyOpenCases} open cases) | {Percentiles(casework.Mine)} | p95 at most 200 ms | {Met(casework.Mine, 200)} |");
        text.AppendLine($"| Team caseload ({shape.Cases:N0} cases, {shape.Open:N0} open) | {Percentiles(casework.Team)} | p95 at most 500 ms | {Met(casework.Team, 500)} |");
        text.AppendLine($"| Open a case page with its audit write | {Percentiles(casework.OpenCase)} | p95 at most 50 ms | {Met(casework.OpenCase, 50)} |");
        text.AppendLine($"| Log a contact | {Percentiles(casework.LogContact)} | p95 at most 100 ms | {Met(casework.LogContact, 100)} |");
        text.AppendLine($"| Daily reminder run, one workspace | {casework.ReminderRun.TotalSeconds:N2} s ({casework.Reminders.Due:N0} due, {casework.Reminders.Raised:N0} raised); "
            + $"again the same day {casework.RepeatRun.TotalSeconds:N2} s | at most 10 s | {(casework.ReminderRun.TotalSeconds <= 10 ? "yes" : "NO")} |");
    }

    private static void WriteFunderReturn(StringBuilder text, BenchmarkOptions options, ReturnFigures figures)
    {
        var shape = figures.Shape;
        text.AppendLine();
        text.AppendLine("## A year's funder return for a large workspace");
        text.AppendLine();
        text.AppendLine($"- Data: a workspace of its own, {shape.Cases:N0} cases opened over the year ({shape.InGrant:N0} under the grant's service) for {shape.Clients:N0} clients with equality monitoring, "
            + $"each with its accepted referral, {shape.Contacts:N0} contacts logged in all, {shape.Assessments:N0} completed risk assessments, {shape.Marac:N0} MARAC referrals; "
            + $"{shape.Events:N0} events appended in bulk through the app's inline projections in {figures.Seeding.TotalSeconds:N0} s");
        text.AppendLine($"- Samples: {options.ReturnSamples:N0} timed returns after 3 warm-up returns, one at a time, in process (server time); the template and exports once each; "
            + $"load average at the end of the run {Machine.Load()}");
        text.AppendLine();
        text.AppendLine("| Measure | Result | Goal | Met |");
        text.AppendLine("|---|---|---|---|");
        text.AppendLine($"| Compute a year's return (`FunderReturns.ComputeAsync`) | {Percentiles(figures.Compute)} | p95 under 1 s | {(figures.Compute.Percentile(95) < 1000 ? "yes" : "NO")} |");
        text.AppendLine($"| Apply the funder's template | {figures.Template.TotalMilliseconds:N1} ms | (reported) | |");
        text.AppendLine($"| Export as CSV | {figures.Csv.TotalMilliseconds:N1} ms | (reported) | |");
        text.AppendLine($"| Export as an Excel workbook | {figures.Workbook.TotalMilliseconds:N1} ms | (reported) | |");
        text.AppendLine($"| Export as PDF | {figures.Pdf.TotalMilliseconds:N1} ms | (reported) | |");
    }

    private static string Percentiles(Latency latency) => $"p50 {latency.Percentile(50):N1} ms, p95 {latency.Percentile(95):N1} ms";

    private static string Met(Latency latency, double goalMilliseconds) => latency.Percentile(95) <= goalMilliseconds ? "yes" : "NO";
}

internal static class Machine
{
    public static string Cpu() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";

    public static double MemoryGiB() =>
        File.Exists("/proc/meminfo")
            ? double.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024 / 1024
            : 0;

    public static string Load() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public static string Postgres()
    {
        using var connection = new NpgsqlConnection(TestPostgres.AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand("show server_version", connection);
        return "PostgreSQL " + command.ExecuteScalar();
    }
}
