using System.Globalization;
using System.Text;
using CsvHelper;

namespace CharityCMS.Grants.Returns;

/// <summary>
/// A funder return as one CSV file: the summary lines, then each section as a titled table. Every
/// figure is its <see cref="ReturnCell.Shown"/> text, so the file says exactly what the screen says;
/// case references never leave the app.
/// </summary>
public static class ReturnCsv
{
    public static byte[] Write(FunderReturn r)
    {
        using var bytes = new MemoryStream();
        // The byte order mark makes Excel read the file as UTF-8, so "£" and accents survive.
        using (var text = new StreamWriter(bytes, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { ValidateFieldCount = false }, leaveOpen: true))
        {
            foreach (var (label, value) in ReturnSummary.Lines(r))
                csv.WriteRecord([label, Safe(value)]);
            csv.WriteRecord(["Note", ReturnSummary.SuppressionNote]);

            foreach (var section in r.Sections)
            {
                BlankLine(csv, text);
                csv.WriteRecord([Safe(section.Title)]);
                csv.WriteRecord(["", .. section.Columns.Select(Safe)]);
                foreach (var row in section.Rows)
                    csv.WriteRecord([Safe(row.Label), .. row.Cells.Select(c => Safe(c.Shown))]);
                if (section.Note is { } note)
                    csv.WriteRecord([Safe(note)]);
            }
        }
        return bytes.ToArray();
    }

    // A CSV record always has a field; an empty line between sections is written around the writer.
    static void BlankLine(CsvWriter csv, TextWriter text)
    {
        csv.Flush();
        text.Write("\r\n");
    }

    // Titles and labels are typed by staff: one starting like a formula would run when a funder
    // opens the file in a spreadsheet. Figures ("-", "-3") are left as they read.
    static string Safe(string field) =>
        field.Length > 0 && "=+-@\t\r".Contains(field[0]) && field != "-"
            && !decimal.TryParse(field, NumberStyles.Number, CultureInfo.InvariantCulture, out _)
            ? "'" + field
            : field;
}
