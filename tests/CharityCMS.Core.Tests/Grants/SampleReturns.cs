using CharityCMS.Grants.Returns;

namespace CharityCMS.Core.Tests.Grants;

/// <summary>
/// Funder returns made by hand for the export tests. The figures are invented; whether they were
/// suppressed correctly is the computing code's concern, not the exports'.
/// </summary>
internal static class SampleReturns
{
    public static FunderReturn Northshire(params ReturnSection[] sections) => new(
        "Northshire Women's Aid",
        Guid.Parse("5b0c7f43-2f6a-4f57-9a0e-3c1d3e0f0a11"),
        "IDVA service 2026-27 (£60,000)",
        "PCC-2026-014",
        "Northshire Police and Crime Commissioner",
        new DateOnly(2026, 4, 1),
        new DateOnly(2026, 9, 30),
        new DateTimeOffset(2026, 10, 2, 8, 30, 0, TimeSpan.Zero),
        sections.Length > 0 ? sections : [Referrals, AgeBands, WaitToFirstContact, Outcomes]);

    public static readonly ReturnSection Referrals = new("referrals", "Referrals", ["Q1", "Q2", "Total"],
    [
        new("Agency referrals", [Count(12, "RWA-000123 IDVA"), Count(15, "RWA-000124 IDVA"), Count(27, "RWA-000125 IDVA")]),
        new("Self-referrals", [Suppressed, Hidden, Count(11, "RWA-000127 Outreach")]),
        new("Helpline calls", [new("1,204", 1204, false, ["RWA-000128 Helpline"]), new("987", 987, false, []), new("2,191", 2191, false, [])]),
        new("Total", [Count(16, "RWA-000129 IDVA"), Count(22), Count(38)], IsTotal: true),
    ]);

    public static readonly ReturnSection AgeBands = new("age-bands", "Clients by age band", ["Clients"],
    [
        new("Under 18", [Suppressed]),
        new("18-24", [Count(14, "RWA-000130 IDVA")]),
        new("25-34", [Count(31)]),
        new("35-44", [Count(22)]),
        new("45-54", [Hidden]),
        new("55 and over", [Suppressed]),
        new("Total", [Count(83)], IsTotal: true),
    ], Chart: true);

    public static readonly ReturnSection WaitToFirstContact = new("wait", "Wait to first contact", ["Median", "Longest"],
    [
        new("IDVA service", [new("3.5 days", 3.5m, false, []), new("12 days", 12, false, [])]),
        new("Outreach", [ReturnCell.NotApplicable, ReturnCell.NotApplicable]),
    ], Note: "Working days from referral to the first conversation with the woman herself.");

    public static readonly ReturnSection Outcomes = new("outcomes", "Outcomes", ["Clients", "Share"],
    [
        new("Feel safer", [Count(32, "RWA-000131 IDVA"), new("64%", 0.64m, false, [])]),
        // The computing code may give a share as a fraction or as a percentage: both must read "54%".
        new("Improved wellbeing", [Count(27), new("54%", 54m, false, [])]),
        new("Risk reduced", [Suppressed, ReturnCell.NotApplicable]),
        new("Total", [Count(50), new("100%", 1m, false, [])], IsTotal: true),
    ]);

    /// <summary>One section long enough to run over several pages.</summary>
    public static ReturnSection Weeks(int count) => new("weeks", "Contacts by week", ["Calls", "Visits"],
        Enumerable.Range(1, count)
            .Select(w => new ReturnRow($"Week {w}", [Count(10 + w), w % 7 == 0 ? Suppressed : Count(5 + w % 11)]))
            .ToList());

    public static IEnumerable<string> CaseReferences(FunderReturn r) =>
        r.Sections.SelectMany(s => s.Rows).SelectMany(row => row.Cells).SelectMany(c => c.CaseReferences).Distinct();

    public static IEnumerable<string> Figures(FunderReturn r) =>
        r.Sections.SelectMany(s => s.Rows).SelectMany(row => row.Cells).Select(c => c.Shown);

    static ReturnCell Suppressed => ReturnCell.SuppressedCount;

    // Secondary suppression: not small itself, hidden so that a small count cannot be worked out.
    static ReturnCell Hidden => new("*", null, true, []);

    static ReturnCell Count(int n, params string[] cases) => new(n.ToString(System.Globalization.CultureInfo.InvariantCulture), n, false, cases);
}
