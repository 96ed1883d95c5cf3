using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CharityCMS.Grants.Returns;

/// <summary>
/// The A4 pages of a return PDF as one flow: a cursor down the current page, a new page when
/// something does not fit, and the fonts, colours and text wrapping every part draws with.
/// </summary>
internal sealed class ReturnPdfPages(PdfDocument document) : IDisposable
{
    public const double Left = 50;
    public const double Right = 545;
    public const double Width = Right - Left;
    const double Top = 50;
    // Room below for the footer: page number and the suppression note.
    const double Bottom = 770;
    public const double PageHeight = Bottom - Top;

    public XFont Heading { get; } = Font(16, XFontStyleEx.Bold);
    public XFont SectionTitle { get; } = Font(12, XFontStyleEx.Bold);
    public XFont Body { get; } = Font(9.5, XFontStyleEx.Regular);
    public XFont BodyBold { get; } = Font(9.5, XFontStyleEx.Bold);
    public XFont Small { get; } = Font(8, XFontStyleEx.Regular);

    public static readonly XBrush Ink = XBrushes.Black;
    public static readonly XBrush Muted = new XSolidBrush(XColor.FromArgb(90, 90, 90));
    public static readonly XBrush Shade = new XSolidBrush(XColor.FromArgb(230, 230, 230));
    public static readonly XBrush Bar = new XSolidBrush(XColor.FromArgb(58, 94, 140));
    public static readonly XPen Rule = new(XColor.FromArgb(200, 200, 200), 0.5);
    public static readonly XPen Strong = new(XColor.FromArgb(60, 60, 60), 0.8);

    XGraphics? _graphics;

    // Unicode, not WinAnsi: Welsh names and places have letters such as ŵ and ŷ.
    static XFont Font(double size, XFontStyleEx style) =>
        new(ReturnFonts.Family, size, style, new XPdfFontOptions(PdfFontEncoding.Unicode));

    public XGraphics Graphics => _graphics ?? throw new InvalidOperationException("No page yet: call NewPage first.");

    /// <summary>Where the next thing is drawn, in points from the top of the page.</summary>
    public double Y { get; set; }

    public void NewPage()
    {
        _graphics?.Dispose();
        var page = document.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Portrait;
        _graphics = XGraphics.FromPdfPage(page);
        Y = Top;
    }

    public bool Fits(double height) => Y + height <= Bottom;

    public double LineHeight(XFont font) => font.GetHeight();

    public void Text(string text, XFont font, XBrush brush, double x, double y, double width, XStringFormat format) =>
        Graphics.DrawString(text, font, brush, new XRect(x, y, width, font.GetHeight()), format);

    /// <summary>Breaks text into lines no wider than <paramref name="width"/>, at spaces where it can.</summary>
    public IReadOnlyList<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var joined = line.Length == 0 ? word : line + " " + word;
            if (Measure(joined, font) <= width)
            {
                line = joined;
                continue;
            }
            if (line.Length > 0)
                lines.Add(line);
            line = word;
            // A word wider than the column is cut where it reaches the edge.
            while (Measure(line, font) > width && line.Length > 1)
            {
                var fits = line.Length - 1;
                while (fits > 1 && Measure(line[..fits], font) > width)
                    fits--;
                lines.Add(line[..fits]);
                line = line[fits..];
            }
        }
        lines.Add(line);
        return lines;
    }

    public double Measure(string text, XFont font) => Graphics.MeasureString(text, font).Width;

    /// <summary>Writes "Page n of m" and the suppression note on every page, once all pages exist.</summary>
    public void Footers(string note)
    {
        var count = document.PageCount;
        for (var i = 0; i < count; i++)
        {
            _graphics?.Dispose();
            _graphics = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            var y = Bottom + 16;
            Graphics.DrawLine(Rule, Left, y - 4, Right, y - 4);
            Text($"Page {i + 1} of {count}", Small, Muted, Right - 80, y, 80, XStringFormats.TopRight);
            foreach (var line in Wrap(note, Small, Width - 80))
            {
                Text(line, Small, Muted, Left, y, Width - 80, XStringFormats.TopLeft);
                y += LineHeight(Small);
            }
        }
    }

    public void Dispose() => _graphics?.Dispose();
}
