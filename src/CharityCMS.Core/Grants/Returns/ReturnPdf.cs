using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CharityCMS.Grants.Returns;

/// <summary>
/// A funder return as an A4 PDF: the charity's name, the grant and period, then each section as a
/// table, breakdowns with a bar chart, and on every page its number and what "&lt;5" means.
/// Case references are never printed.
/// </summary>
public static class ReturnPdf
{
    const double SectionGap = 14;

    public static byte[] Write(FunderReturn r)
    {
        ReturnFonts.Install();
        using var document = new PdfDocument();
        // Grant and period only: document properties travel with the file and are easily missed.
        document.Info.Title = ReturnSummary.Title(r);
        document.Info.Subject = $"Funder return for {r.FunderName}";
        document.Info.Author = r.CharityName;

        using (var pages = new ReturnPdfPages(document))
        {
            pages.NewPage();
            Heading(pages, r);
            foreach (var section in r.Sections)
                Section(pages, section);
            pages.Footers(ReturnSummary.SuppressionNote);
        }

        using var bytes = new MemoryStream();
        document.Save(bytes, closeStream: false);
        return bytes.ToArray();
    }

    static void Heading(ReturnPdfPages pages, FunderReturn r)
    {
        foreach (var line in pages.Wrap(r.CharityName, pages.Heading, ReturnPdfPages.Width))
        {
            pages.Text(line, pages.Heading, ReturnPdfPages.Ink, ReturnPdfPages.Left, pages.Y, ReturnPdfPages.Width, XStringFormats.TopLeft);
            pages.Y += pages.LineHeight(pages.Heading);
        }
        pages.Y += 6;
        const double labelWidth = 95;
        foreach (var (label, value) in ReturnSummary.Lines(r).Skip(1))
        {
            pages.Text(label, pages.BodyBold, ReturnPdfPages.Ink, ReturnPdfPages.Left, pages.Y, labelWidth, XStringFormats.TopLeft);
            foreach (var line in pages.Wrap(value, pages.Body, ReturnPdfPages.Width - labelWidth))
            {
                pages.Text(line, pages.Body, ReturnPdfPages.Ink, ReturnPdfPages.Left + labelWidth, pages.Y, ReturnPdfPages.Width - labelWidth, XStringFormats.TopLeft);
                pages.Y += pages.LineHeight(pages.Body) + 2;
            }
        }
        pages.Y += SectionGap;
    }

    static void Section(ReturnPdfPages pages, ReturnSection section)
    {
        var table = new ReturnPdfTable(pages, section);
        var chart = section.Chart ? new ReturnPdfChart(pages, section) : null;
        var note = section.Note is { } text ? pages.Wrap(text, pages.Small, ReturnPdfPages.Width) : [];
        var whole = table.Height + (chart?.Height ?? 0) + note.Count * pages.LineHeight(pages.Small);

        // A section that would fit on a page of its own starts on one rather than being split;
        // a longer one starts here if its title, header and first rows fit.
        var fitsAPage = whole <= ReturnPdfPages.PageHeight;
        if ((fitsAPage && !pages.Fits(whole)) || (!fitsAPage && !pages.Fits(table.StartHeight)))
            pages.NewPage();

        table.Draw();
        if (chart is not null)
        {
            if (!pages.Fits(Math.Min(chart.Height, ReturnPdfPages.PageHeight)))
                pages.NewPage();
            chart.Draw();
        }
        pages.Y += 2;
        foreach (var line in note)
        {
            if (!pages.Fits(pages.LineHeight(pages.Small)))
                pages.NewPage();
            pages.Text(line, pages.Small, ReturnPdfPages.Muted, ReturnPdfPages.Left, pages.Y, ReturnPdfPages.Width, XStringFormats.TopLeft);
            pages.Y += pages.LineHeight(pages.Small);
        }
        pages.Y += SectionGap;
    }
}
