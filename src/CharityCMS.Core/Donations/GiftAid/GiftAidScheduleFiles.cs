using System.Text;
using ClosedXML.Excel;
using CsvHelper;

namespace CharityCMS.Donations.GiftAid;

/// <summary>
/// A claim's schedule as files for HMRC's Charities Online spreadsheet: a CSV and a workbook, each a
/// heading row then the <see cref="GiftAidSchedule"/> lines, so both say exactly what the page says.
/// </summary>
public static class GiftAidScheduleFiles
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string SheetName = "Gift Aid schedule";

    public static byte[] Csv(GiftAidClaim claim)
    {
        using var bytes = new MemoryStream();
        // The byte order mark makes Excel read the file as UTF-8, so accented names survive.
        using (var text = new StreamWriter(bytes, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions(), leaveOpen: true))
        {
            csv.WriteRecord([.. GiftAidSchedule.Headings]);
            foreach (var line in GiftAidSchedule.Lines(claim))
                csv.WriteRecord(Fields(line).Select(Safe).ToArray());
        }
        return bytes.ToArray();
    }

    public static byte[] Xlsx(GiftAidClaim claim)
    {
        using var workbook = new XLWorkbook();
        // Left unset, the author would be whoever runs the server.
        workbook.Properties.Author = "CharityCMS";
        var sheet = workbook.Worksheets.Add(SheetName);
        for (var c = 0; c < GiftAidSchedule.Headings.Count; c++)
            Text(sheet.Cell(1, c + 1), GiftAidSchedule.Headings[c]).Style.Font.Bold = true;
        var row = 2;
        foreach (var line in GiftAidSchedule.Lines(claim))
        {
            var fields = Fields(line);
            // Every field is text, the amount too: HMRC's spreadsheet takes "12.50" as typed, and a
            // date left to Excel would turn into a serial number or an American date.
            for (var c = 0; c < fields.Length; c++)
                Text(sheet.Cell(row, c + 1), fields[c]);
            row++;
        }
        // Measured in characters, not with AdjustToContents, which needs GDI+ on Linux.
        int[] widths = [6, 20, 20, 22, 10, 30, 10, 12, 10];
        for (var c = 0; c < widths.Length; c++) sheet.Column(c + 1).Width = widths[c];
        using var bytes = new MemoryStream();
        workbook.SaveAs(bytes);
        return bytes.ToArray();
    }

    /// <summary>"Gift Aid claim 2026-11-25.csv": the day it was drafted, nothing about any donor.</summary>
    public static string FileName(GiftAidClaim claim, string extension) =>
        $"Gift Aid claim {UkCalendar.DateOf(claim.DraftedAt):yyyy-MM-dd}.{extension}";

    static string[] Fields(ScheduleLine l) =>
        [l.Title, l.FirstName, l.LastName, l.HouseNameOrNumber, l.Postcode, l.AggregatedDonations, l.SponsoredEvent, l.DonationDate, l.Amount];

    // Names and addresses come from donors: one starting like a formula would run in a spreadsheet.
    static string Safe(string field) => field.Length > 0 && "=+-@\t\r".Contains(field[0]) ? "'" + field : field;

    static IXLCell Text(IXLCell cell, string text)
    {
        cell.SetValue(text);
        cell.DataType = XLDataType.Text;
        return cell;
    }
}
