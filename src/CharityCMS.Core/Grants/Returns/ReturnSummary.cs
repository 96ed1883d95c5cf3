namespace CharityCMS.Grants.Returns;

/// <summary>
/// What every export of a return opens with, in the same words, so a funder reading the CSV, the
/// workbook or the PDF sees the same heading facts and the same explanation of "&lt;5".
/// </summary>
internal static class ReturnSummary
{
    public const string SuppressionNote =
        "\"<5\" means a count from 1 to 4, hidden to protect the women we support. " +
        "Other figures may also be hidden (\"*\") so that a hidden count cannot be worked out from the rest.";

    public static IReadOnlyList<(string Label, string Value)> Lines(FunderReturn r) =>
    [
        ("Charity", r.CharityName),
        ("Funder", r.FunderName),
        ("Grant", r.GrantTitle),
        ("Grant reference", r.GrantReference ?? "-"),
        ("Period", r.Period),
        ("Computed at", ComputedAt(r)),
    ];

    /// <summary>The grant and period, for file names and document titles: no personal data.</summary>
    public static string Title(FunderReturn r) => $"{r.GrantTitle}, {r.Period}";

    // The charity reads London time, whatever zone the server runs in.
    static string ComputedAt(FunderReturn r) =>
        UkCalendar.ToLondon(r.ComputedAt).ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " (UK time)";
}
