using System.Globalization;
using PdfSharp.Drawing;

namespace CharityCMS.Grants.Returns;

/// <summary>
/// A horizontal bar chart of a breakdown's first column, drawn under its table: one bar per row
/// that has a figure, measured from 0, with the figure as it is shown at the bar's end. Totals are
/// not charted; a suppressed row is named with "&lt;5, not charted" rather than drawn, since a bar
/// would give away the number.
/// </summary>
internal sealed class ReturnPdfChart(ReturnPdfPages pages, ReturnSection section)
{
    const double Pitch = 16;
    const double BarHeight = 10;
    const double Gap = 4;
    // Room at the right for the figure at the end of the longest bar.
    const double FigureRoom = 50;

    readonly IReadOnlyList<ReturnRow> _rows = section.Rows
        .Where(r => !r.IsTotal && r.Cells.Count > 0 && (r.Cells[0].Suppressed || r.Cells[0].Value is not null))
        .ToList();

    double CaptionHeight => CaptionLines(section.Title).Count * pages.LineHeight(pages.BodyBold) + Gap;

    double AxisHeight => pages.LineHeight(pages.Small) + Gap;

    public double Height => _rows.Count == 0 ? 0 : Gap + CaptionHeight + _rows.Count * Pitch + AxisHeight;

    public void Draw()
    {
        if (_rows.Count == 0)
            return;
        var labelWidth = Math.Min(ReturnPdfPages.Width * 0.35, _rows.Max(r => pages.Measure(r.Label, pages.Body)) + 2 * Gap);
        var zero = ReturnPdfPages.Left + labelWidth;
        var barRoom = ReturnPdfPages.Right - FigureRoom - zero;
        var largest = _rows.Select(r => r.Cells[0]).Where(c => !c.Suppressed).Select(c => c.Value ?? 0).DefaultIfEmpty(0).Max();

        pages.Y += Gap;
        Caption(section.Title);
        var axisTop = pages.Y;
        foreach (var row in _rows)
        {
            if (!pages.Fits(Pitch + AxisHeight))
            {
                Axis(zero, axisTop);
                pages.NewPage();
                Caption($"{section.Title} (continued)");
                axisTop = pages.Y;
            }
            // The table above gives the label in full; beside a bar it keeps to one line.
            var label = pages.Wrap(row.Label, pages.Body, labelWidth - Gap) is { Count: 1 } whole
                ? whole[0]
                : pages.Wrap(row.Label, pages.Body, labelWidth - Gap - pages.Measure("…", pages.Body))[0] + "…";
            pages.Text(label, pages.Body, ReturnPdfPages.Ink, ReturnPdfPages.Left, pages.Y + 2, labelWidth - Gap, XStringFormats.TopRight);

            var cell = row.Cells[0];
            if (cell.Suppressed)
            {
                pages.Text($"{cell.Shown}, not charted", pages.Small, ReturnPdfPages.Muted, zero + Gap, pages.Y + 3, barRoom, XStringFormats.TopLeft);
            }
            else
            {
                var length = largest > 0 ? (double)(Math.Max(0, cell.Value!.Value) / largest) * barRoom : 0;
                pages.Graphics.DrawRectangle(ReturnPdfPages.Bar, zero, pages.Y + (Pitch - BarHeight) / 2, length, BarHeight);
                pages.Text(cell.Shown, pages.Small, ReturnPdfPages.Ink, zero + length + Gap, pages.Y + 3, FigureRoom, XStringFormats.TopLeft);
            }
            pages.Y += Pitch;
        }
        Axis(zero, axisTop);
    }

    void Caption(string title)
    {
        foreach (var line in CaptionLines(title))
        {
            pages.Text(line, pages.BodyBold, ReturnPdfPages.Ink, ReturnPdfPages.Left, pages.Y, ReturnPdfPages.Width, XStringFormats.TopLeft);
            pages.Y += pages.LineHeight(pages.BodyBold);
        }
        pages.Y += Gap;
    }

    IReadOnlyList<string> CaptionLines(string title) => pages.Wrap(
        section.Columns.Count > 0 ? $"Chart: {title}, {section.Columns[0]}" : $"Chart: {title}",
        pages.BodyBold, ReturnPdfPages.Width);

    // The zero line the bars grow from, and its "0", closing each part of the chart.
    void Axis(double zero, double top)
    {
        pages.Graphics.DrawLine(ReturnPdfPages.Strong, zero, top, zero, pages.Y);
        pages.Text(0.ToString(CultureInfo.InvariantCulture), pages.Small, ReturnPdfPages.Muted, zero - 20, pages.Y + 1, 40, XStringFormats.TopCenter);
        pages.Y += AxisHeight;
    }
}
