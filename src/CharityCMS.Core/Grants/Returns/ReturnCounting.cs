using System.Globalization;
using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.Referrals;
using CharityCMS.Risk;

namespace CharityCMS.Grants.Returns;

/// <summary>
/// Counts a funder return from its facts: pure, so every figure can be checked without a database.
/// Sections come in a fixed order with stable keys, which funder templates choose and relabel.
/// </summary>
public static class ReturnCounting
{
    public const string NotRecorded = "Not recorded";

    /// <summary>The sections' stable keys and own titles, in the order a return shows them.</summary>
    private static readonly (string Key, string Title)[] Sections =
    [
        ("referrals", "Referrals"),
        ("clients", "Clients supported"),
        ("age", "Age"),
        ("ethnicity", "Ethnicity"),
        ("disability", "Disability"),
        ("sexual-orientation", "Sexual orientation"),
        ("gender", "Gender"),
        ("abuse-types", "Abuse types"),
        ("risk", "Risk level"),
        ("first-contact", "Time from referral to first contact"),
        ("outcomes", "Outcomes at exit"),
        ("marac", "MARAC referrals"),
        ("kpis", "KPI progress"),
    ];

    public static IReadOnlyList<string> SectionKeys { get; } = Sections.Select(s => s.Key).ToList();

    public static string TitleOf(string key) => Sections.First(s => s.Key == key).Title;

    /// <summary>Fewer measured waits than this and the median and percentile are withheld: one or two women's waits identify them.</summary>
    public const int MinimumWaitsShown = 5;

    public static FunderReturn Compute(ReturnFacts facts)
    {
        var period = new ReturnWindow(facts, facts.From, facts.To);
        var toDate = new ReturnWindow(facts, facts.Grant.Terms.StartsOn, facts.To);
        var terms = facts.Grant.Terms;
        return new FunderReturn(facts.CharityName, facts.Grant.Id, terms.Title, terms.Reference, terms.FunderName, facts.From, facts.To, facts.ComputedAt,
        [
            Referrals(period),
            Clients(period),
            Age(period),
            PerClient(period, "ethnicity", "Ethnicity", Enum.GetValues<Ethnicity>(), c => c.Monitoring.Ethnicity, e => e.Title()),
            PerClient(period, "disability", "Disability", Enum.GetValues<Disability>(), c => c.Monitoring.Disability, d => d.Title()),
            PerClient(period, "sexual-orientation", "Sexual orientation", Enum.GetValues<SexualOrientation>(), c => c.Monitoring.SexualOrientation, o => o.Title()),
            PerClient(period, "gender", "Gender", Enum.GetValues<Gender>(), c => c.Monitoring.Gender, g => g.Title()),
            AbuseTypes(period),
            Risk(period, facts.Assessments),
            FirstContact(period),
            Outcomes(period),
            Marac(period),
            Kpis(facts.Grant, toDate),
        ]);
    }

    private static ReturnSection Referrals(ReturnWindow w)
    {
        var parts = new (string, Tally)[]
        {
            ("Accepted", w.OfReferrals(w.Referrals.Where(r => r.Status == ReferralStatus.Accepted))),
            ("Declined", w.OfReferrals(w.Referrals.Where(r => r.Status == ReferralStatus.Declined))),
            ("Signposted", w.OfReferrals(w.Referrals.Where(r => r.Status == ReferralStatus.Signposted))),
            ("Waiting for triage", w.OfReferrals(w.Referrals.Where(r => r.Status == ReferralStatus.Untriaged))),
        };
        return Additive("referrals", "Referrals", "Referrals", parts, ("Received", w.OfReferrals(w.Referrals)), totalFirst: true, chart: false,
            "Referrals received in the period. One accepted counts for the grant that funds her case; one not accepted (declined, signposted or waiting) has no service, so it counts for every grant whose period covers the day it arrived.");
    }

    private static ReturnSection Clients(ReturnWindow w) => Additive("clients", "Clients supported", "Clients",
        [("New", w.OfClients(w.Clients.Where(w.IsNew))), ("Continuing", w.OfClients(w.Clients.Where(c => !w.IsNew(c))))],
        ("Total", w.OfClients(w.Clients)), totalFirst: true, chart: false,
        "New: her first case in the return opened within the period. Continuing: supported from before it.");

    private static readonly (string Label, int? Below)[] AgeBands =
        [("Under 16", 16), ("16 to 17", 18), ("18 to 24", 25), ("25 to 34", 35), ("35 to 44", 45), ("45 to 54", 55), ("55 to 64", 65), ("65 and over", null)];

    private static ReturnSection Age(ReturnWindow w)
    {
        // Her age when the period's support began: on her first case's opening, or the period's first day if later.
        var ages = w.Clients.Select(c => (Client: c, Age: c.Client.AgeOn(Later(c.FirstCase.OpenedOn, w.From)))).ToList();
        var parts = AgeBands.Select((band, i) =>
        {
            var above = i == 0 ? int.MinValue : AgeBands[i - 1].Below!.Value;
            return (band.Label, w.OfClients(ages.Where(a => a.Age is { } age && age >= above && (band.Below is null || age < band.Below)).Select(a => a.Client)));
        }).Append((NotRecorded, w.OfClients(ages.Where(a => a.Age is null).Select(a => a.Client)))).ToList();
        return Additive("age", "Age", "Clients", parts, ("Total", w.OfClients(w.Clients)), totalFirst: false, chart: true,
            "Her age on the day her support in the period began.");
    }

    private static ReturnSection PerClient<T>(ReturnWindow w, string key, string title, IEnumerable<T> values, Func<ClientFacts, T?> answer, Func<T, string> label)
        where T : struct, Enum
    {
        // Enums end with PreferNotToSay, so "Prefer not to say" comes after the categories and before "Not recorded".
        var parts = values.Select(v => (label(v), w.OfClients(w.Clients.Where(c => answer(c.Client) is { } given && given.Equals(v)))))
            .Append((NotRecorded, w.OfClients(w.Clients.Where(c => answer(c.Client) is null)))).ToList();
        return Additive(key, title, "Clients", parts, ("Total", w.OfClients(w.Clients)), totalFirst: false, chart: true, null);
    }

    private static ReturnSection AbuseTypes(ReturnWindow w)
    {
        var rows = Enum.GetValues<AbuseType>()
            .Select(type => new ReturnRow(type.Title(), [SmallNumbers.Count(w.OfClients(w.Clients.Where(c => c.Cases.Any(k => k.AbuseTypes.Contains(type)))))]))
            .Append(new ReturnRow(NotRecorded, [SmallNumbers.Count(w.OfClients(w.Clients.Where(c => c.Cases.All(k => k.AbuseTypes.Count == 0))))]))
            .ToList();
        return new ReturnSection("abuse-types", "Abuse types", ["Clients"], rows, Chart: true,
            Note: "Clients with each kind of abuse recorded on any of her cases. She can have several, so the rows do not add up and there is no total; figures under 5 are shown as <5.");
    }

    private static ReturnSection Risk(ReturnWindow w, IReadOnlyList<AssessmentFacts> assessments)
    {
        var latest = assessments.Where(a => a.CompletedAt is { } at && UkCalendar.DateOf(at) <= w.To)
            .GroupBy(a => a.ClientId)
            .ToDictionary(g => g.Key, g => g.MaxBy(a => a.CompletedAt)!.FinalLevel);
        RiskLevel? LevelOf(ClientInWindow c) => latest.TryGetValue(c.Client.Id, out var level) ? level : null;
        var parts = Enum.GetValues<RiskLevel>().Select(level => (level.ToString(), w.OfClients(w.Clients.Where(c => LevelOf(c) == level))))
            .Append(("Not assessed", w.OfClients(w.Clients.Where(c => LevelOf(c) is null)))).ToList();
        return Additive("risk", "Risk level", "Clients", parts, ("Total", w.OfClients(w.Clients)), totalFirst: false, chart: true,
            "The level of her latest completed risk assessment on or before the period's last day.");
    }

    private static ReturnSection FirstContact(ReturnWindow w)
    {
        var accepted = w.Accepted.ToList();
        var reached = accepted.Where(r => r.FirstContactAt is not null).ToList();
        var waits = reached.Select(r => (r.FirstContactAt!.Value - r.ReceivedAt).TotalDays).Order().ToList();
        // Reached and not yet reached add up to the referrals accepted, shown in the referrals section.
        var group = SmallNumbers.Group([w.OfReferrals(reached), w.OfReferrals(accepted.Where(r => r.FirstContactAt is null))], w.OfReferrals(accepted));
        return new ReturnSection("first-contact", "Time from referral to first contact", ["Figure"],
        [
            new ReturnRow("Referrals with a first contact", [group.Parts[0]]),
            new ReturnRow("Median wait", [Wait(waits, 50)]),
            new ReturnRow("90th percentile wait", [Wait(waits, 90)]),
            new ReturnRow("No contact yet", [group.Parts[1]]),
        ], Note: Notes("Referrals accepted into the grant's cases, from receipt to the first time she was actually reached; the two counts add up to the referrals accepted. "
            + $"The median and 90th percentile are by nearest rank and shown only with {MinimumWaitsShown} or more waits.", group.HidSecondary));
    }

    /// <summary>
    /// The nearest-rank percentile: the smallest wait with at least <paramref name="percent"/>% of
    /// waits at or below it, so the figure is always a wait that happened. The median is the 50th.
    /// </summary>
    public static double? NearestRank(IReadOnlyList<double> sorted, int percent) =>
        sorted.Count == 0 ? null : sorted[Math.Max(1, (int)Math.Ceiling(percent / 100.0 * sorted.Count)) - 1];

    private static ReturnCell Wait(IReadOnlyList<double> sorted, int percent)
    {
        if (sorted.Count < MinimumWaitsShown) return new ReturnCell("-", null, true, []);
        var days = Math.Round((decimal)NearestRank(sorted, percent)!.Value, 1, MidpointRounding.AwayFromZero);
        return new ReturnCell($"{days.ToString("0.0", CultureInfo.InvariantCulture)} days", days, false, []);
    }

    private static ReturnSection Outcomes(ReturnWindow w)
    {
        var measured = w.Measured.ToList();
        var names = new OutcomeScores(1, 1, 1, 1).Measures().Select(m => m.Measure).ToList();
        var secondary = false;
        var rows = names.Select((name, i) =>
        {
            var improved = measured.Where(c => Score(c.ExitOutcomes!, i) > Score(c.IntakeOutcomes!, i)).ToList();
            var group = SmallNumbers.Group([ReturnWindow.OfCases(improved), ReturnWindow.OfCases(measured.Except(improved))], ReturnWindow.OfCases(measured));
            secondary |= group.HidSecondary;
            return new ReturnRow(name, [group.Total, group.Parts[0], group.Parts[1], Share(improved.Count, measured.Count, group.Parts[0], group.Total)]);
        }).ToList();
        return new ReturnSection("outcomes", "Outcomes at exit", ["Measured", "Improved", "Not improved", "Improved %"], rows,
            Note: Notes("Cases closed in the period with her scores at intake and at exit; improved means a higher score at exit.", secondary));
    }

    private static int Score(OutcomeScores scores, int measure) => scores.Measures().ElementAt(measure).Score;

    /// <summary>A share as a whole percentage, hidden whenever either figure it comes from is.</summary>
    private static ReturnCell Share(int part, int whole, ReturnCell partCell, ReturnCell wholeCell)
    {
        if (whole == 0) return ReturnCell.NotApplicable;
        if (partCell.Suppressed || wholeCell.Suppressed) return ReturnCell.HiddenToProtect;
        var percent = Math.Round(part * 100m / whole, 0, MidpointRounding.AwayFromZero);
        return new ReturnCell($"{percent.ToString("0", CultureInfo.InvariantCulture)}%", percent, false, []);
    }

    private static ReturnSection Marac(ReturnWindow w)
    {
        var repeat = w.MaracReferrals.Where(m => m.Repeat).ToList();
        // The first referrals are not published, but follow from the two figures that are: they are protected as a hidden part.
        var group = SmallNumbers.Group([w.OfMarac(repeat), w.OfMarac(w.MaracReferrals.Where(m => !m.Repeat))], w.OfMarac(w.MaracReferrals));
        return new ReturnSection("marac", "MARAC referrals", ["Referrals"],
            [new ReturnRow("Referrals", [group.Total], IsTotal: true), new ReturnRow("of which repeat", [group.Parts[0]])],
            Note: Notes("Referrals to MARAC made in the period for clients in this return.", group.HidSecondary));
    }

    private static ReturnSection Kpis(Grant grant, ReturnWindow w)
    {
        var rows = grant.Kpis.Select(kpi =>
        {
            var target = new ReturnCell(GrantHistory.Target(kpi.Measure, kpi.Target), kpi.Target, false, []);
            var soFar = kpi.Measure.IsPercentage() ? ShareSoFar(w, kpi.Measure) : SmallNumbers.Count(CountSoFar(w, kpi.Measure));
            return new ReturnRow(kpi.Label, [target, soFar, OfTarget(soFar, kpi.Target)]);
        }).ToList();
        return new ReturnSection("kpis", "KPI progress", ["Target", "So far", "% of target"], rows,
            Note: $"From the grant's start ({grant.Terms.StartsOn:d MMM yyyy}) to the period's last day, counted as in the sections above.");
    }

    private static Tally CountSoFar(ReturnWindow w, KpiMeasure measure) => measure switch
    {
        KpiMeasure.ClientsSupported => w.OfClients(w.Clients),
        KpiMeasure.NewClients => w.OfClients(w.Clients.Where(w.IsNew)),
        KpiMeasure.ReferralsReceived => w.OfReferrals(w.Referrals),
        KpiMeasure.ReferralsAccepted => w.OfReferrals(w.Accepted),
        KpiMeasure.CasesClosed => ReturnWindow.OfCases(w.Closed),
        _ => w.OfMarac(w.MaracReferrals),
    };

    private static ReturnCell ShareSoFar(ReturnWindow w, KpiMeasure measure)
    {
        var index = measure - KpiMeasure.FeelSaferAtExit;
        var measured = w.Measured.ToList();
        var improved = measured.Where(c => Score(c.ExitOutcomes!, index) > Score(c.IntakeOutcomes!, index)).ToList();
        var group = SmallNumbers.Group([ReturnWindow.OfCases(improved), ReturnWindow.OfCases(measured.Except(improved))], ReturnWindow.OfCases(measured));
        return Share(improved.Count, measured.Count, group.Parts[0], group.Total);
    }

    private static ReturnCell OfTarget(ReturnCell soFar, decimal target)
    {
        if (soFar.Suppressed) return ReturnCell.HiddenToProtect;
        if (soFar.Value is not { } value || target <= 0) return ReturnCell.NotApplicable;
        var percent = Math.Round(value * 100m / target, 0, MidpointRounding.AwayFromZero);
        return new ReturnCell($"{percent.ToString("0", CultureInfo.InvariantCulture)}%", percent, false, []);
    }

    private static ReturnSection Additive(string key, string title, string column, IReadOnlyList<(string Label, Tally Tally)> parts,
        (string Label, Tally Tally) total, bool totalFirst, bool chart, string? note)
    {
        var group = SmallNumbers.Group(parts.Select(p => p.Tally).ToList(), total.Tally);
        var rows = parts.Select((p, i) => new ReturnRow(p.Label, [group.Parts[i]])).ToList();
        var totalRow = new ReturnRow(total.Label, [group.Total], IsTotal: true);
        if (totalFirst) rows.Insert(0, totalRow);
        else rows.Add(totalRow);
        return new ReturnSection(key, title, [column], rows, chart, Notes(note, group.HidSecondary));
    }

    private static string? Notes(string? note, bool hidSecondary) =>
        hidSecondary ? (note is null ? SmallNumbers.SecondaryNote : $"{note} {SmallNumbers.SecondaryNote}") : note;

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
