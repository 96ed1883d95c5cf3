namespace CharityCMS.Grants.Returns;

/// <summary>
/// A funder return as it is published: for one grant and one period, sections of rows of figures,
/// every count already through small-number suppression. The screen, the CSV, the XLSX and the PDF
/// all render this one object, so they cannot disagree.
/// </summary>
public sealed record FunderReturn(
    string CharityName,
    Guid GrantId,
    string GrantTitle,
    string? GrantReference,
    string FunderName,
    DateOnly From,
    DateOnly To,
    DateTimeOffset ComputedAt,
    IReadOnlyList<ReturnSection> Sections)
{
    // Invariant: English month names in every export, whatever the server's culture.
    public string Period => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{From:d MMM yyyy} to {To:d MMM yyyy}");
}

/// <summary>
/// One section of a return: a titled table. <see cref="Columns"/> names the figure columns (the row
/// label column comes first and is not listed). <see cref="Chart"/> says the section reads well as
/// a bar chart of its first column (breakdowns); totals are never charted.
/// </summary>
public sealed record ReturnSection(string Key, string Title, IReadOnlyList<string> Columns, IReadOnlyList<ReturnRow> Rows, bool Chart = false, string? Note = null);

public sealed record ReturnRow(string Label, IReadOnlyList<ReturnCell> Cells, bool IsTotal = false);

/// <summary>
/// One published figure. <see cref="Shown"/> is the text everyone sees ("12", "&lt;5", "64%", "3.5 days",
/// "-" for not applicable). <see cref="Value"/> is the number behind it, null when suppressed or not a
/// number. <see cref="CaseReferences"/> lists the cases behind a count (client reference and service,
/// never a name), for managers to drill into inside the app; empty when suppressed.
/// </summary>
public sealed record ReturnCell(string Shown, decimal? Value, bool Suppressed, IReadOnlyList<string> CaseReferences)
{
    public static ReturnCell NotApplicable { get; } = new("-", null, false, []);

    public static ReturnCell SuppressedCount { get; } = new("<5", null, true, []);

    /// <summary>Hidden though not small itself, so that a small figure cannot be worked out from a total.</summary>
    public static ReturnCell HiddenToProtect { get; } = new("*", null, true, []);
}
