using ClosedXML.Excel;
using CharityCMS.Grants;
using CharityCMS.TestSupport;

namespace CharityCMS.Core.Tests.Grants;

public class DocumentTypesTests
{
    public static TheoryData<string, string, string?> Accepted() => new()
    {
        { "agreement.pdf", "pdf", "application/pdf" },
        { "Q1 return.xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "letter.docx", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "slides.pptx", "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
        { "old letter.doc", "ole2", "application/msword" },
        { "OLD RETURN.XLS", "ole2", "application/vnd.ms-excel" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void PDF_and_Office_documents_are_recognised_by_their_content(string name, string content, string? contentType)
    {
        var check = DocumentTypes.Check(name, Bytes(content));

        Assert.Equal((contentType, (string?)null), (check.ContentType, check.Refusal));
    }

    [Theory]
    [InlineData("empty.pdf", "empty", DocumentTypes.Empty)]
    [InlineData("huge.pdf", "11mb-pdf", DocumentTypes.TooLarge)]
    [InlineData("photo.pdf", "png", DocumentTypes.NotADocument)]
    [InlineData("photo.png", "png", DocumentTypes.NotADocument)]
    [InlineData("notes.docx", "text", DocumentTypes.NotADocument)]
    [InlineData("notes.txt", "text", DocumentTypes.NotADocument)]
    [InlineData("archive.xlsx", "zip", DocumentTypes.NotADocument)]
    [InlineData("agreement.docx", "pdf", DocumentTypes.NotADocument)]
    [InlineData("letter.pdf", "docx", DocumentTypes.NotADocument)]
    [InlineData("letter.xlsx", "docx", DocumentTypes.NotADocument)]
    [InlineData("setup.exe", "exe", DocumentTypes.NotADocument)]
    [InlineData("return.doc", "pdf", DocumentTypes.NotADocument)]
    [InlineData("agreement", "pdf", DocumentTypes.NotADocument)]
    public void Other_files_are_refused_with_the_reason(string name, string content, string reason)
    {
        var check = DocumentTypes.Check(name, Bytes(content));

        Assert.Equal(((string?)null, reason), (check.ContentType, check.Refusal));
    }

    [Fact]
    public void A_file_of_exactly_the_limit_is_accepted()
    {
        var pdf = new byte[GrantDocuments.MaxBytes];
        SampleDocuments.Pdf().CopyTo(pdf, 0);

        Assert.True(DocumentTypes.Check("big.pdf", pdf).Accepted);
    }

    [Theory]
    [InlineData("agreement.pdf", "agreement.pdf")]
    [InlineData(@"C:\Users\grace\Documents\agreement.pdf", "agreement.pdf")]
    [InlineData("../../etc/return.xlsx", "return.xlsx")]
    [InlineData("  return\u0000\r\n final.xlsx ", "return final.xlsx")]
    public void File_names_keep_only_their_last_part_without_control_characters(string given, string kept)
    {
        Assert.Equal(kept, DocumentTypes.SafeFileName(given));
    }

    [Fact]
    public void A_long_file_name_is_cut_to_150_characters_and_keeps_its_extension()
    {
        var kept = DocumentTypes.SafeFileName(new string('a', 300) + ".docx");

        Assert.Equal(150, kept.Length);
        Assert.EndsWith("aaa.docx", kept);
    }

    private static byte[] Bytes(string content) => content switch
    {
        "pdf" => SampleDocuments.Pdf(),
        "xlsx" => Workbook(),
        "docx" => SampleDocuments.Docx(),
        "pptx" => SampleDocuments.Zip("[Content_Types].xml", "ppt/presentation.xml"),
        "ole2" => SampleDocuments.Ole2(),
        "empty" => [],
        "11mb-pdf" => [.. SampleDocuments.Pdf(), .. new byte[11 * 1024 * 1024]],
        "png" => SampleDocuments.Png(),
        "text" => SampleDocuments.Text(),
        "zip" => SampleDocuments.Zip("readme.txt", "data/figures.csv"),
        "exe" => [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0],
        _ => throw new ArgumentOutOfRangeException(nameof(content)),
    };

    private static byte[] Workbook()
    {
        using var workbook = new XLWorkbook();
        workbook.AddWorksheet("Return").Cell(1, 1).Value = "Survivors supported";
        var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return buffer.ToArray();
    }
}
