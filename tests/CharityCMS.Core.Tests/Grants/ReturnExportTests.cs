using System.Text;
using CharityCMS.Grants.Returns;
using ClosedXML.Excel;
using UglyToad.PdfPig;
using static CharityCMS.Core.Tests.Grants.ReturnReadBack;

namespace CharityCMS.Core.Tests.Grants;

public class ReturnExportTests
{
    static readonly FunderReturn Sample = SampleReturns.Northshire();

    [Fact]
    public void Csv_starts_with_a_byte_order_mark_so_Excel_keeps_the_pound_sign()
    {
        var csv = ReturnCsv.Write(Sample);

        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), csv[..3]);
        Assert.Contains("IDVA service 2026-27 (£60,000)", Encoding.UTF8.GetString(csv));
    }

    [Fact]
    public void Csv_opens_with_the_summary_in_UK_time()
    {
        var summary = CsvBlocks(ReturnCsv.Write(Sample))[0];

        Assert.Equal(
        [
            ["Charity", "Northshire Women's Aid"],
            ["Funder", "Northshire Police and Crime Commissioner"],
            ["Grant", "IDVA service 2026-27 (£60,000)"],
            ["Grant reference", "PCC-2026-014"],
            ["Period", Sample.Period],
            ["Computed at", "2 Oct 2026 09:30 (UK time)"],
        ], summary.Take(6));
        Assert.StartsWith("\"<5\" means a count from 1 to 4", summary[6][1]);
    }

    [Fact]
    public void Csv_has_each_section_title_header_and_rows_in_order()
    {
        var sections = CsvBlocks(ReturnCsv.Write(Sample)).Skip(1).ToList();

        Assert.Equal(Sample.Sections.Count, sections.Count);
        foreach (var (section, block) in Sample.Sections.Zip(sections))
        {
            List<string[]> expected =
            [
                [section.Title],
                ["", .. section.Columns],
                .. section.Rows.Select(r => (string[])[r.Label, .. r.Cells.Select(c => c.Shown)]),
            ];
            if (section.Note is { } note)
                expected.Add([note]);
            Assert.Equal(expected, block);
        }
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    [InlineData("pdf")]
    public void No_export_contains_a_case_reference(string format)
    {
        var text = format switch
        {
            "csv" => Encoding.UTF8.GetString(ReturnCsv.Write(Sample)),
            "xlsx" => PackageText(ReturnWorkbook.Write(Sample)),
            _ => PdfText(ReturnPdf.Write(Sample)),
        };

        var references = SampleReturns.CaseReferences(Sample).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, reference => Assert.DoesNotContain(reference, text));
        Assert.DoesNotContain("RWA-", text);
    }

    [Fact]
    public void A_label_typed_like_a_formula_stays_text()
    {
        var r = SampleReturns.Northshire(new ReturnSection("odd", "Odd", ["Clients"],
            [new("=HYPERLINK(\"http://example.org\")", [new("-", null, false, [])]), new("+44 helpline", [new("-3", -3, false, [])])]));

        var rows = CsvBlocks(ReturnCsv.Write(r))[1];
        Assert.Equal(["'=HYPERLINK(\"http://example.org\")", "-"], rows[2]);
        Assert.Equal(["'+44 helpline", "-3"], rows[3]);

        using var workbook = new XLWorkbook(new MemoryStream(ReturnWorkbook.Write(r)));
        var cell = workbook.Worksheet("Odd").Cell(3, 1);
        Assert.False(cell.HasFormula);
        Assert.Equal("=HYPERLINK(\"http://example.org\")", cell.GetString());
    }

    [Fact]
    public void Workbook_has_a_summary_sheet_then_one_sheet_per_section()
    {
        using var workbook = new XLWorkbook(new MemoryStream(ReturnWorkbook.Write(Sample)));

        Assert.Equal(["Summary", "Referrals", "Clients by age band", "Wait to first contact", "Outcomes"], workbook.Worksheets.Select(s => s.Name));
    }

    [Fact]
    public void Workbook_summary_names_the_return_and_explains_suppression()
    {
        using var workbook = new XLWorkbook(new MemoryStream(ReturnWorkbook.Write(Sample)));
        var summary = workbook.Worksheet("Summary");

        Assert.Equal(("Charity", "Northshire Women's Aid"), (summary.Cell(1, 1).GetString(), summary.Cell(1, 2).GetString()));
        Assert.Equal(("Period", Sample.Period), (summary.Cell(5, 1).GetString(), summary.Cell(5, 2).GetString()));
        Assert.Equal("2 Oct 2026 09:30 (UK time)", summary.Cell(6, 2).GetString());
        Assert.Contains("\"<5\" means a count from 1 to 4", summary.Cell(8, 1).GetString());
        Assert.Contains("cannot be worked out", summary.Cell(8, 1).GetString());
        Assert.Equal("IDVA service 2026-27 (£60,000), " + Sample.Period, workbook.Properties.Title);
    }

    [Fact]
    public void Workbook_cells_show_exactly_what_the_return_shows()
    {
        using var workbook = new XLWorkbook(new MemoryStream(ReturnWorkbook.Write(Sample)));

        foreach (var (section, sheet) in Sample.Sections.Zip(workbook.Worksheets.Skip(1)))
        {
            Assert.Equal(section.Title, sheet.Cell(1, 1).GetString());
            Assert.Equal(section.Columns, Enumerable.Range(2, section.Columns.Count).Select(c => sheet.Cell(2, c).GetString()));
            Assert.Equal(section.Rows.Select(r => r.Label), Enumerable.Range(3, section.Rows.Count).Select(r => sheet.Cell(r, 1).GetString()));
            Assert.Equal(
                section.Rows.Select(r => r.Cells.Select(c => c.Shown).ToArray()),
                SheetFigures(sheet, section.Rows.Count, section.Columns.Count));
        }
    }

    [Fact]
    public void Workbook_figures_are_numbers_Excel_can_sum_and_hidden_or_worded_ones_are_text()
    {
        using var workbook = new XLWorkbook(new MemoryStream(ReturnWorkbook.Write(Sample)));
        var referrals = workbook.Worksheet("Referrals");
        var outcomes = workbook.Worksheet("Outcomes");
        var wait = workbook.Worksheet("Wait to first contact");

        Assert.Equal((XLDataType.Number, 12.0), (referrals.Cell(3, 2).DataType, referrals.Cell(3, 2).GetDouble()));
        Assert.Equal((XLDataType.Number, 1204.0), (referrals.Cell(5, 2).DataType, referrals.Cell(5, 2).GetDouble()));
        Assert.Equal((XLDataType.Number, 0.64), (outcomes.Cell(3, 3).DataType, outcomes.Cell(3, 3).GetDouble()));
        Assert.Equal((XLDataType.Number, 0.54), (outcomes.Cell(4, 3).DataType, outcomes.Cell(4, 3).GetDouble()));
        Assert.Equal((XLDataType.Text, "<5"), (referrals.Cell(4, 2).DataType, referrals.Cell(4, 2).GetString()));
        Assert.Equal((XLDataType.Text, "<5"), (outcomes.Cell(5, 2).DataType, outcomes.Cell(5, 2).GetString()));
        Assert.Equal((XLDataType.Text, "*"), (referrals.Cell(4, 3).DataType, referrals.Cell(4, 3).GetString()));
        Assert.Equal((XLDataType.Text, "3.5 days"), (wait.Cell(3, 2).DataType, wait.Cell(3, 2).GetString()));
        Assert.Equal((XLDataType.Text, "-"), (wait.Cell(4, 2).DataType, wait.Cell(4, 2).GetString()));
    }

    [Fact]
    public void Workbook_headers_and_totals_are_bold_and_other_rows_are_not()
    {
        using var workbook = new XLWorkbook(new MemoryStream(ReturnWorkbook.Write(Sample)));
        var ages = workbook.Worksheet("Clients by age band");

        Assert.True(ages.Cell(2, 2).Style.Font.Bold);
        Assert.All(Enumerable.Range(3, 6), r => Assert.False(ages.Cell(r, 1).Style.Font.Bold));
        Assert.True(ages.Cell(9, 1).Style.Font.Bold);
        Assert.True(ages.Cell(9, 2).Style.Font.Bold);
        Assert.Equal("Total", ages.Cell(9, 1).GetString());
    }

    [Theory]
    [InlineData("Referrals: by source / quarter [draft]", "Referrals by source quarter dra")]
    [InlineData("Summary", "Summary (2)")]
    [InlineData("history", "history (2)")]
    [InlineData("'Quoted'", "Quoted")]
    [InlineData("?*", "Section")]
    public void Sheet_names_are_ones_Excel_accepts(string title, string name)
    {
        Assert.Equal(name, new SheetNames("Summary").For(title));
    }

    [Fact]
    public void Sheet_names_stay_unique_when_long_titles_share_a_start()
    {
        var names = new SheetNames("Summary");
        var title = "Clients supported by the outreach service this quarter";

        Assert.Equal(["Clients supported by the outrea", "Clients supported by the ou (2)", "clients supported by the ou (3)"],
            [names.For(title), names.For(title), names.For(title.ToLowerInvariant())]);
    }

    [Theory]
    [InlineData("64%", "0.64", "0.64", "0%")]
    [InlineData("64%", "64", "0.64", "0%")]
    [InlineData("12.5%", "0.125", "0.125", "0.0%")]
    [InlineData("1,204", "1204", "1204", "#,##0")]
    [InlineData("1204", "1204", "1204", "0")]
    [InlineData("3.5", "3.5", "3.5", "#,##0.0")]
    public void A_figure_is_a_number_when_its_format_shows_the_same_text(string shown, string value, string number, string format)
    {
        Assert.Equal((decimal.Parse(number), format), ReturnWorkbook.NumberFormatFor(shown, decimal.Parse(value)));
    }

    [Theory]
    [InlineData("3.5 days", "3.5")]
    [InlineData("65%", "0.64")]
    [InlineData("12", "12.4")]
    [InlineData("64%", "0.6449")]
    public void A_figure_stays_text_when_no_format_shows_the_same_text(string shown, string value)
    {
        Assert.Null(ReturnWorkbook.NumberFormatFor(shown, decimal.Parse(value)));
    }

    [Fact]
    public void Pdf_shows_the_heading_every_section_every_row_and_every_figure()
    {
        var pdf = ReturnPdf.Write(Sample);
        var text = PdfText(pdf);

        using (var document = PdfDocument.Open(pdf))
            Assert.True(document.NumberOfPages >= 1);
        Assert.Equal("Northshire Women's Aid", PdfLines(pdf)[0].Text);
        foreach (var fact in new[] { "Northshire Police and Crime Commissioner", "IDVA service 2026-27 (£60,000)", "PCC-2026-014", Sample.Period, "2 Oct 2026 09:30 (UK time)" })
            Assert.Contains(fact, text);
        foreach (var section in Sample.Sections)
        {
            Assert.Contains(section.Title, text);
            Assert.All(section.Rows, row => Assert.Contains(row.Label, text));
            Assert.All(section.Rows.SelectMany(r => r.Cells), cell => Assert.Contains(cell.Shown, text));
        }
        Assert.Contains(SampleReturns.WaitToFirstContact.Note!, text);
    }

    [Fact]
    public void Pdf_of_a_long_section_runs_over_pages_repeating_its_header_and_loses_no_row()
    {
        var weeks = SampleReturns.Weeks(120);
        var pdf = ReturnPdf.Write(SampleReturns.Northshire(weeks));
        var lines = PdfLines(pdf);

        var pages = lines.Max(l => l.Page);
        Assert.True(pages >= 3, $"120 rows fitted on {pages} pages");
        foreach (var row in weeks.Rows)
            Assert.Contains(lines, l => l.Cells.SequenceEqual([row.Label, .. row.Cells.Select(c => c.Shown)]));
        Assert.All(Enumerable.Range(2, pages - 1), page =>
        {
            Assert.Contains(lines, l => l.Page == page && l.Text == "Contacts by week (continued)");
            Assert.Contains(lines, l => l.Page == page && l.Text == "Calls Visits");
        });
    }

    [Fact]
    public void Pdf_charts_a_breakdown_and_names_suppressed_rows_instead_of_drawing_them()
    {
        var lines = PdfLines(ReturnPdf.Write(Sample));
        var text = string.Join("\n", lines.Select(l => l.Text));

        Assert.Contains("Chart: Clients by age band, Clients", text);
        Assert.Equal(2, lines.Count(l => l.Text == "<5, not charted"));
        Assert.Single(lines, l => l.Text == "*, not charted");
        Assert.DoesNotContain("Chart: Referrals", text);
    }

    [Fact]
    public void Pdf_numbers_its_pages_and_explains_suppression_on_each()
    {
        var pdf = ReturnPdf.Write(SampleReturns.Northshire(SampleReturns.Weeks(120)));
        var lines = PdfLines(pdf);
        var pages = lines.Max(l => l.Page);

        Assert.All(Enumerable.Range(1, pages), page =>
        {
            Assert.Contains(lines, l => l.Page == page && l.Text.EndsWith($"Page {page} of {pages}"));
            Assert.Contains(lines, l => l.Page == page && l.Text.StartsWith("\"<5\" means a count from 1 to 4"));
        });
    }

    [Fact]
    public void Pdf_keeps_Welsh_letters()
    {
        var r = SampleReturns.Northshire(SampleReturns.Referrals) with { CharityName = "Cymorth i Fenywod Gŵyr a Dyffryn Tŷ-du" };

        Assert.Contains("Cymorth i Fenywod Gŵyr a Dyffryn Tŷ-du", PdfText(ReturnPdf.Write(r)));
    }

    [Fact]
    public void Pdf_properties_name_the_grant_and_period_only()
    {
        using var pdf = PdfDocument.Open(ReturnPdf.Write(Sample));

        Assert.Equal("IDVA service 2026-27 (£60,000), " + Sample.Period, pdf.Information.Title);
    }

    [Fact]
    public async Task Pdfs_can_be_written_at_the_same_time()
    {
        var pdfs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => ReturnPdf.Write(Sample))));

        Assert.All(pdfs, pdf => Assert.Contains("Northshire Women's Aid", PdfText(pdf)));
    }

    [Fact]
    public void The_csv_workbook_and_pdf_carry_the_same_figures_as_the_return()
    {
        var expected = SampleReturns.Figures(Sample).Order().ToList();

        var csv = CsvBlocks(ReturnCsv.Write(Sample)).Skip(1)
            .SelectMany(block => block.Skip(2).Where(record => record.Length > 1).SelectMany(record => record.Skip(1)));
        using var workbook = new XLWorkbook(new MemoryStream(ReturnWorkbook.Write(Sample)));
        var xlsx = Sample.Sections.Zip(workbook.Worksheets.Skip(1))
            .SelectMany(s => SheetFigures(s.Second, s.Second.LastRowUsed().RowNumber() - 2, s.Second.LastColumnUsed().ColumnNumber() - 1))
            .SelectMany(row => row)
            .Where(text => text.Length > 0);
        var pdf = PdfTableFigures(ReturnPdf.Write(Sample), Sample);

        Assert.Equal(expected, csv.Order());
        Assert.Equal(expected, xlsx.Order());
        Assert.Equal(expected, pdf.Order());
    }
}
