using System.Globalization;
using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using UglyToad.PdfPig;

namespace CharityCMS.Core.Tests.Grants;

/// <summary>
/// Reads each export back the way a funder's software would: CSV records, the cells Excel shows,
/// the text lines of the PDF.
/// </summary>
internal static class ReturnReadBack
{
    /// <summary>The CSV's records, an empty array for a blank line.</summary>
    public static List<string[]> CsvRecords(byte[] csv)
    {
        using var reader = CsvReader.Create(csv, new CsvReaderOptions { HasHeader = false, SkipEmptyLines = false });
        var records = new List<string[]>();
        while (reader.Read())
        {
            var fields = reader.Current.ToArray();
            records.Add(fields.All(f => f.Length == 0) ? [] : fields);
        }
        return records;
    }

    /// <summary>The CSV's blocks between blank lines; the first is the summary, then one per section.</summary>
    public static List<List<string[]>> CsvBlocks(byte[] csv)
    {
        var blocks = new List<List<string[]>> { new() };
        foreach (var record in CsvRecords(csv))
        {
            if (record.Length == 0)
                blocks.Add([]);
            else
                blocks[^1].Add(record);
        }
        return blocks;
    }

    /// <summary>The text Excel shows in each figure cell of a section sheet, row by row.</summary>
    public static List<string[]> SheetFigures(IXLWorksheet sheet, int rows, int columns) =>
        Enumerable.Range(3, rows)
            .Select(r => Enumerable.Range(2, columns).Select(c => Displayed(sheet.Cell(r, c))).ToArray())
            .ToList();

    /// <summary>
    /// The text Excel shows in a cell. ClosedXML 0.95.4's <c>GetFormattedString</c> calls an
    /// ExcelNumberFormat method that the served 1.1.0 no longer has, and then shows numbers bare
    /// ("0.64", not "64%"); so numbers are formatted here with ExcelNumberFormat itself, the engine
    /// ClosedXML formats with.
    /// </summary>
    public static string Displayed(IXLCell cell) =>
        cell.DataType == XLDataType.Number && cell.Style.NumberFormat.Format is { Length: > 0 } format
            ? new ExcelNumberFormat.NumberFormat(format).Format(cell.GetDouble(), CultureInfo.InvariantCulture)
            : cell.GetFormattedString();

    /// <summary>Every text part stored in the workbook's package: cells, shared strings, properties.</summary>
    public static string PackageText(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(reader.ReadToEnd());
        }
        return text.ToString();
    }

    /// <summary>
    /// The PDF's lines of text, page by page from the top, each split into cells where words are
    /// further apart than a space (a table's columns, or a label and its figures).
    /// </summary>
    public static List<PdfLine> PdfLines(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var lines = new List<PdfLine>();
        foreach (var page in document.GetPages())
        {
            var rows = page.GetWords()
                .GroupBy(w => Math.Round(w.Letters[0].StartBaseLine.Y, 1))
                .OrderByDescending(g => g.Key);
            foreach (var row in rows)
            {
                var cells = new List<string>();
                double? end = null;
                foreach (var word in row.OrderBy(w => w.BoundingBox.Left))
                {
                    if (end is { } e && word.BoundingBox.Left - e < 5)
                        cells[^1] += " " + word.Text;
                    else
                        cells.Add(word.Text);
                    end = word.BoundingBox.Right;
                }
                lines.Add(new PdfLine(page.Number, cells));
            }
        }
        return lines;
    }

    /// <summary>
    /// The figures of each row of each section's table in the PDF, found in reading order: the
    /// section's title, then lines starting with its row labels (the table comes before a chart).
    /// </summary>
    public static List<string> PdfTableFigures(byte[] pdf, CharityCMS.Grants.Returns.FunderReturn r)
    {
        var lines = PdfLines(pdf);
        var figures = new List<string>();
        var at = 0;
        foreach (var section in r.Sections)
        {
            at = lines.FindIndex(at, l => l.Text == section.Title) + 1;
            Assert.True(at > 0, $"The PDF has no title line \"{section.Title}\".");
            foreach (var row in section.Rows)
            {
                at = lines.FindIndex(at, l => l.Cells[0] == row.Label) + 1;
                Assert.True(at > 0, $"The PDF has no line for \"{row.Label}\" in \"{section.Title}\".");
                figures.AddRange(lines[at - 1].Cells.Skip(1));
            }
        }
        return figures;
    }

    public static string PdfText(byte[] pdf) => string.Join("\n", PdfLines(pdf).Select(l => l.Text));

    public sealed record PdfLine(int Page, List<string> Cells)
    {
        public string Text => string.Join(" ", Cells);
    }
}
