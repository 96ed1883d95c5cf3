using System.Globalization;
using ClosedXML.Excel;

namespace CharityCMS.Grants.Returns;

/// <summary>
/// A funder return as an Excel workbook: a Summary sheet, then a sheet per section. A figure is
/// written as a number only when Excel, formatting it, shows exactly the <see cref="ReturnCell.Shown"/>
/// text; anything else ("&lt;5", "-", "3.5 days") is text, so the workbook never says more than the return.
/// </summary>
public static class ReturnWorkbook
{
    const int HeaderRow = 2;
    const double WidestColumn = 60;

    public static byte[] Write(FunderReturn r)
    {
        using var workbook = new XLWorkbook();
        workbook.Properties.Title = ReturnSummary.Title(r);
        // Left unset, the author would be whoever runs the server.
        workbook.Properties.Author = r.CharityName;

        WriteSummary(workbook.Worksheets.Add("Summary"), r);
        var names = new SheetNames("Summary");
        foreach (var section in r.Sections)
            WriteSection(workbook.Worksheets.Add(names.For(section.Title)), section);

        // Funders print returns: each sheet one page wide.
        foreach (var sheet in workbook.Worksheets)
            sheet.PageSetup.FitToPages(1, 0);

        using var bytes = new MemoryStream();
        workbook.SaveAs(bytes);
        return bytes.ToArray();
    }

    static void WriteSummary(IXLWorksheet sheet, FunderReturn r)
    {
        var row = 1;
        foreach (var (label, value) in ReturnSummary.Lines(r))
        {
            Text(sheet.Cell(row, 1), label).Style.Font.Bold = true;
            Text(sheet.Cell(row, 2), value);
            row++;
        }
        var note = Text(sheet.Cell(row + 1, 1), ReturnSummary.SuppressionNote);
        sheet.Range(row + 1, 1, row + 1, 2).Merge().Style.Alignment.WrapText = true;
        sheet.Row(row + 1).Height = 45;
        note.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        sheet.Column(1).Width = 18;
        sheet.Column(2).Width = 70;
    }

    static void WriteSection(IXLWorksheet sheet, ReturnSection section)
    {
        Text(sheet.Cell(1, 1), section.Title).Style.Font.Bold = true;

        var header = sheet.Range(HeaderRow, 1, HeaderRow, section.Columns.Count + 1);
        for (var c = 0; c < section.Columns.Count; c++)
            Text(sheet.Cell(HeaderRow, c + 2), section.Columns[c]).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#E7E6E6");

        var row = HeaderRow + 1;
        foreach (var line in section.Rows)
        {
            Text(sheet.Cell(row, 1), line.Label);
            for (var c = 0; c < line.Cells.Count; c++)
                Figure(sheet.Cell(row, c + 2), line.Cells[c]);
            if (line.IsTotal)
                sheet.Range(row, 1, row, line.Cells.Count + 1).Style.Font.Bold = true;
            row++;
        }
        if (section.Note is { } note)
            Text(sheet.Cell(row + 1, 1), note);

        FitColumns(sheet, section);
    }

    static void Figure(IXLCell cell, ReturnCell figure)
    {
        if (!figure.Suppressed && figure.Value is { } value && NumberFormatFor(figure.Shown, value) is var (number, format))
        {
            cell.SetValue(number);
            cell.Style.NumberFormat.Format = format;
        }
        else
        {
            Text(cell, figure.Shown);
        }
        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
    }

    /// <summary>
    /// The number and Excel format that display exactly <paramref name="shown"/>, or null. "64%" may
    /// come from 64 or 0.64; a count may be shown with or without a thousands separator.
    /// </summary>
    internal static (decimal Number, string Format)? NumberFormatFor(string shown, decimal value)
    {
        var percent = shown.EndsWith('%');
        var digits = percent ? shown[..^1] : shown;
        var decimals = digits.Contains('.') ? digits.Length - digits.IndexOf('.') - 1 : 0;
        var places = decimals > 0 ? "." + new string('0', decimals) : "";
        (decimal, string)[] candidates = percent
            ? [(value, "0" + places + "%"), (value / 100, "0" + places + "%")]
            : [(value, "#,##0" + places), (value, "0" + places)];
        foreach (var (number, format) in candidates)
        {
            // No more precision than is shown: a funder adding up cells gets what she reads.
            var exact = number == Math.Round(number, decimals + (percent ? 2 : 0));
            if (exact && number.ToString(format, CultureInfo.InvariantCulture) == shown)
                return (number, format);
        }
        return null;
    }

    // Typed text is always text: ClosedXML would otherwise read "=..." as a formula, or "12" as a number.
    static IXLCell Text(IXLCell cell, string text)
    {
        cell.SetValue(text);
        cell.DataType = XLDataType.Text;
        return cell;
    }

    // Measured in characters, not with AdjustToContents, which needs GDI+ on Linux.
    static void FitColumns(IXLWorksheet sheet, ReturnSection section)
    {
        var label = section.Rows.Select(r => r.Label.Length).DefaultIfEmpty(0).Max();
        sheet.Column(1).Width = Math.Min(WidestColumn, Math.Max(12, label + 2));
        for (var c = 0; c < section.Columns.Count; c++)
        {
            var widest = section.Rows.Where(r => c < r.Cells.Count).Select(r => r.Cells[c].Shown.Length)
                .Append(section.Columns[c].Length).Max();
            sheet.Column(c + 2).Width = Math.Min(WidestColumn, Math.Max(8, widest + 2));
        }
    }
}
