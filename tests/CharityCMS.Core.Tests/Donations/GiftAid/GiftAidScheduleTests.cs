using System.Globalization;
using System.Text;
using CharityCMS.Donations;
using CharityCMS.Donations.GiftAid;
using CharityCMS.Workspaces;
using ClosedXML.Excel;
using CsvHelper;

namespace CharityCMS.Core.Tests.Donations.GiftAid;

/// <summary>The Charities Online schedule, checked line by line and column by column against HMRC's rules, in both files.</summary>
public class GiftAidScheduleTests
{
    static readonly GiftAidDeclarant Dana = new("Ms", "Dana", "Donor", "12", "High Street, Leeds", "ls14ab");
    static readonly GiftAidDeclarant Long = new("Reverend", new string('F', 40), new string('L', 40), "The Old Rectory, Long Lane End Cottages, Upper Road", "Rue de la Paix", "75002");

    static ClaimGift Gift(DateOnly on, long pence, GiftAidDeclarant? declarant = null) => new(Guid.NewGuid(), Guid.NewGuid(), on, pence, declarant ?? Dana);

    static GiftAidClaim Claim(bool aggregate, params ClaimGift[] gifts) =>
        GiftAidClaim.Create(new GiftAidClaimDrafted(gifts, aggregate, [], new StaffMember(Guid.NewGuid(), "Fay Fundraiser"), new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero)));

    static string[] Fields(ScheduleLine l) =>
        [l.Title, l.FirstName, l.LastName, l.HouseNameOrNumber, l.Postcode, l.AggregatedDonations, l.SponsoredEvent, l.DonationDate, l.Amount];

    static List<string[]> CsvRecords(byte[] csv)
    {
        using var reader = CsvReader.Create(csv, new CsvReaderOptions { HasHeader = false });
        var records = new List<string[]>();
        while (reader.Read()) records.Add(reader.Current.ToArray());
        return records;
    }

    static List<string[]> SheetRows(byte[] xlsx)
    {
        using var workbook = new XLWorkbook(new MemoryStream(xlsx));
        var sheet = workbook.Worksheet(GiftAidScheduleFiles.SheetName);
        return Enumerable.Range(1, sheet.LastRowUsed()!.RowNumber())
            .Select(r => Enumerable.Range(1, 9).Select(c => sheet.Cell(r, c).GetString()).ToArray())
            .ToList();
    }

    /// <summary>HMRC's column rules, checked on each field of one line.</summary>
    static void AssertFollowsHmrcRules(string[] f)
    {
        Assert.Equal(9, f.Length);
        Assert.True(f[0].Length <= 4, $"Title '{f[0]}' is over 4 characters");
        Assert.True(f[1].Length <= 35, "First name is over 35 characters");
        Assert.True(f[2].Length <= 35, "Last name is over 35 characters");
        Assert.True(f[3].Length <= 40, "House name or number is over 40 characters");
        Assert.True(f[4] == "" || f[4] == "X" || UkPostcode.IsValid(f[4]) && f[4] == UkPostcode.Format(f[4]), $"Postcode '{f[4]}'");
        Assert.True(f[5].Length <= 35, "Aggregated donations description is over 35 characters");
        Assert.Contains(f[6], new[] { "", "Yes" });
        Assert.Matches(@"^\d{2}/\d{2}/\d{2}$", f[7]);
        Assert.True(DateOnly.TryParseExact(f[7], "dd/MM/yy", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), $"Date '{f[7]}'");
        Assert.Matches(@"^\d+\.\d{2}$", f[8]);
        Assert.DoesNotContain("£", f[8]);
        if (f[5].Length > 0)
        {
            Assert.Equal(["", "", "", "", ""], f[..5]);
            Assert.True(decimal.Parse(f[8], CultureInfo.InvariantCulture) <= 1_000m, "An aggregated line is over £1,000");
        }
        else
        {
            Assert.NotEqual("", f[1]);
            Assert.NotEqual("", f[2]);
        }
    }

    [Fact]
    public void Each_gift_is_a_line_with_the_declarants_name_and_address_the_date_as_DD_MM_YY_and_the_amount_in_pounds()
    {
        var lines = GiftAidSchedule.Lines(Claim(false, Gift(new DateOnly(2026, 11, 3), 1_250), Gift(new DateOnly(2026, 4, 6), 1_000_000)));

        Assert.Equal(
        [
            ["Ms", "Dana", "Donor", "12", "LS1 4AB", "", "", "06/04/26", "10000.00"],
            ["Ms", "Dana", "Donor", "12", "LS1 4AB", "", "", "03/11/26", "12.50"],
        ], lines.Select(Fields));
    }

    [Fact]
    public void Fields_longer_than_HMRC_allows_are_cut_a_long_title_is_left_out_and_an_address_abroad_has_postcode_X()
    {
        var line = GiftAidSchedule.Lines(Claim(false, Gift(new DateOnly(2026, 11, 3), 5_000, Long))).Single();

        Assert.Equal(["", new string('F', 35), new string('L', 35), "The Old Rectory, Long Lane End Cottages", "X", "", "", "03/11/26", "50.00"], Fields(line));
        AssertFollowsHmrcRules(Fields(line));
    }

    [Fact]
    public void Without_aggregation_small_gifts_keep_their_own_lines()
    {
        var lines = GiftAidSchedule.Lines(Claim(false, Gift(new DateOnly(2026, 11, 1), 500), Gift(new DateOnly(2026, 11, 2), 2_000)));

        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Equal("", l.AggregatedDonations));
    }

    [Fact]
    public void Aggregation_puts_gifts_of_20_pounds_or_less_on_one_nameless_line_dated_the_latest_gift()
    {
        var lines = GiftAidSchedule.Lines(Claim(true,
            Gift(new DateOnly(2026, 11, 1), 500), Gift(new DateOnly(2026, 11, 9), 2_000), Gift(new DateOnly(2026, 11, 4), 2_001)));

        Assert.Equal(
        [
            ["Ms", "Dana", "Donor", "12", "LS1 4AB", "", "", "04/11/26", "20.01"],
            ["", "", "", "", "", "Small one-off donations (2)", "", "09/11/26", "25.00"],
        ], lines.Select(Fields));
    }

    [Fact]
    public void Aggregated_lines_never_exceed_1000_pounds_and_together_keep_every_penny()
    {
        // 120 gifts of £20 (£2,400) need three lines: £1,000, £1,000, £400.
        var gifts = Enumerable.Range(0, 120).Select(i => Gift(new DateOnly(2026, 10, 1).AddDays(i % 30), 2_000)).ToArray();

        var lines = GiftAidSchedule.Lines(Claim(true, gifts));

        Assert.Equal(["1000.00", "1000.00", "400.00"], lines.Select(l => l.Amount));
        Assert.Equal(["Small one-off donations (50)", "Small one-off donations (50)", "Small one-off donations (20)"], lines.Select(l => l.AggregatedDonations));
        Assert.Equal(["13/10/26", "25/10/26", "30/10/26"], lines.Select(l => l.DonationDate));
    }

    [Fact]
    public void The_csv_is_a_heading_row_then_every_line_each_following_HMRCs_column_rules()
    {
        var claim = Claim(true, Gift(new DateOnly(2026, 11, 1), 500), Gift(new DateOnly(2026, 11, 2), 7_550), Gift(new DateOnly(2026, 11, 3), 5_000, Long));
        var csv = GiftAidScheduleFiles.Csv(claim);

        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), csv[..3]);
        var records = CsvRecords(csv);
        Assert.Equal(GiftAidSchedule.Headings, records[0]);
        Assert.Equal(GiftAidSchedule.Lines(claim).Select(Fields), records.Skip(1));
        Assert.Equal(4, records.Count);
        Assert.All(records.Skip(1), AssertFollowsHmrcRules);
    }

    [Fact]
    public void The_workbook_reads_back_as_the_same_lines_all_as_text()
    {
        var claim = Claim(true, Gift(new DateOnly(2026, 11, 1), 500), Gift(new DateOnly(2026, 11, 2), 7_550), Gift(new DateOnly(2026, 11, 3), 5_000, Long));
        var xlsx = GiftAidScheduleFiles.Xlsx(claim);

        var rows = SheetRows(xlsx);
        Assert.Equal(GiftAidSchedule.Headings, rows[0]);
        Assert.Equal(GiftAidSchedule.Lines(claim).Select(Fields), rows.Skip(1));
        Assert.All(rows.Skip(1), AssertFollowsHmrcRules);
        using var workbook = new XLWorkbook(new MemoryStream(xlsx));
        Assert.All(workbook.Worksheet(1).CellsUsed(), c => Assert.Equal(XLDataType.Text, c.DataType));
    }

    [Fact]
    public void A_name_starting_like_a_formula_cannot_run_in_a_spreadsheet()
    {
        var claim = Claim(false, Gift(new DateOnly(2026, 11, 1), 5_000, Dana with { LastName = "=HYPERLINK(\"x\")" }));

        Assert.Equal("'=HYPERLINK(\"x\")", CsvRecords(GiftAidScheduleFiles.Csv(claim))[1][2]);
        using var workbook = new XLWorkbook(new MemoryStream(GiftAidScheduleFiles.Xlsx(claim)));
        Assert.False(workbook.Worksheet(1).Cell(2, 3).HasFormula);
    }

    [Fact]
    public void The_file_name_holds_the_day_the_claim_was_drafted_and_nothing_about_donors() =>
        Assert.Equal("Gift Aid claim 2026-11-25.xlsx", GiftAidScheduleFiles.FileName(Claim(false, Gift(new DateOnly(2026, 11, 1), 5_000)), "xlsx"));
}
