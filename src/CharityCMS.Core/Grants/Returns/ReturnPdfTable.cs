using PdfSharp.Drawing;

namespace CharityCMS.Grants.Returns;

/// <summary>
/// One section of a return PDF as a table: the row label column, then the figure columns right
/// aligned; header shaded, totals bold. A table that does not fit on the page goes on to the next,
/// under its title and header again, so every page can be read alone.
/// </summary>
internal sealed class ReturnPdfTable
{
    const double Pad = 4;
    const double NarrowestFigure = 48;
    const double WidestFigure = 110;
    // Rows that must fit under a title and header, or the section starts on a new page.
    const int RowsKeptWithHeader = 3;

    readonly ReturnPdfPages _pages;
    readonly ReturnSection _section;
    readonly double[] _widths;

    public ReturnPdfTable(ReturnPdfPages pages, ReturnSection section)
    {
        _pages = pages;
        _section = section;
        _widths = ColumnWidths();
    }

    double TitleHeight(string title) =>
        _pages.Wrap(title, _pages.SectionTitle, ReturnPdfPages.Width).Count * _pages.LineHeight(_pages.SectionTitle) + 6;

    public double HeaderHeight =>
        Lines(_section.Columns.Select((c, i) => _pages.Wrap(c, _pages.BodyBold, _widths[i + 1] - 2 * Pad).Count).DefaultIfEmpty(1).Max());

    public double RowHeight(ReturnRow row)
    {
        var font = row.IsTotal ? _pages.BodyBold : _pages.Body;
        var lines = row.Cells.Take(_section.Columns.Count).Select((c, i) => _pages.Wrap(c.Shown, font, _widths[i + 1] - 2 * Pad).Count)
            .Append(_pages.Wrap(row.Label, font, _widths[0] - 2 * Pad).Count).Max();
        return Lines(lines);
    }

    public double Height => TitleHeight(_section.Title) + HeaderHeight + _section.Rows.Sum(RowHeight);

    /// <summary>The least that may start on a page: the title, the header and the first rows.</summary>
    public double StartHeight => TitleHeight(_section.Title) + HeaderHeight + _section.Rows.Take(RowsKeptWithHeader).Sum(RowHeight);

    public void Draw()
    {
        DrawTitle(_section.Title);
        DrawHeader();
        foreach (var row in _section.Rows)
        {
            var height = RowHeight(row);
            if (!_pages.Fits(height))
            {
                _pages.NewPage();
                DrawTitle($"{_section.Title} (continued)");
                DrawHeader();
            }
            DrawRow(row, height);
        }
    }

    void DrawTitle(string title)
    {
        foreach (var line in _pages.Wrap(title, _pages.SectionTitle, ReturnPdfPages.Width))
        {
            _pages.Text(line, _pages.SectionTitle, ReturnPdfPages.Ink, ReturnPdfPages.Left, _pages.Y, ReturnPdfPages.Width, XStringFormats.TopLeft);
            _pages.Y += _pages.LineHeight(_pages.SectionTitle);
        }
        _pages.Y += 6;
    }

    void DrawHeader()
    {
        var height = HeaderHeight;
        _pages.Graphics.DrawRectangle(ReturnPdfPages.Shade, ReturnPdfPages.Left, _pages.Y, ReturnPdfPages.Width, height);
        var x = ReturnPdfPages.Left + _widths[0];
        for (var c = 0; c < _section.Columns.Count; c++)
        {
            DrawLines(_pages.Wrap(_section.Columns[c], _pages.BodyBold, _widths[c + 1] - 2 * Pad), _pages.BodyBold, x, _widths[c + 1], XStringFormats.TopRight);
            x += _widths[c + 1];
        }
        _pages.Y += height;
    }

    void DrawRow(ReturnRow row, double height)
    {
        var font = row.IsTotal ? _pages.BodyBold : _pages.Body;
        if (row.IsTotal)
            _pages.Graphics.DrawLine(ReturnPdfPages.Strong, ReturnPdfPages.Left, _pages.Y, ReturnPdfPages.Right, _pages.Y);
        DrawLines(_pages.Wrap(row.Label, font, _widths[0] - 2 * Pad), font, ReturnPdfPages.Left, _widths[0], XStringFormats.TopLeft);
        var x = ReturnPdfPages.Left + _widths[0];
        for (var c = 0; c < row.Cells.Count && c + 1 < _widths.Length; c++)
        {
            DrawLines(_pages.Wrap(row.Cells[c].Shown, font, _widths[c + 1] - 2 * Pad), font, x, _widths[c + 1], XStringFormats.TopRight);
            x += _widths[c + 1];
        }
        _pages.Y += height;
        _pages.Graphics.DrawLine(ReturnPdfPages.Rule, ReturnPdfPages.Left, _pages.Y, ReturnPdfPages.Right, _pages.Y);
    }

    void DrawLines(IReadOnlyList<string> lines, XFont font, double x, double width, XStringFormat format)
    {
        var y = _pages.Y + Pad;
        foreach (var line in lines)
        {
            _pages.Text(line, font, ReturnPdfPages.Ink, x + Pad, y, width - 2 * Pad, format);
            y += _pages.LineHeight(font);
        }
    }

    double Lines(int count) => count * _pages.LineHeight(_pages.Body) + 2 * Pad;

    // Figure columns as wide as their longest word or figure, within limits; the label takes the
    // rest, and never less than 40% of the page.
    double[] ColumnWidths()
    {
        var figures = _section.Columns.Select((column, c) =>
        {
            var widest = column.Split(' ').Append("")
                .Concat(_section.Rows.Where(r => c < r.Cells.Count).Select(r => r.Cells[c].Shown))
                .Max(text => _pages.Measure(text, _pages.BodyBold));
            return Math.Clamp(widest + 2 * Pad, NarrowestFigure, WidestFigure);
        }).ToArray();

        var room = ReturnPdfPages.Width * 0.6;
        var total = figures.Sum();
        if (total > room)
            figures = figures.Select(w => w * room / total).ToArray();
        return [ReturnPdfPages.Width - figures.Sum(), .. figures];
    }
}
