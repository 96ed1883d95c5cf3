using System.IO.Compression;
using System.Text;

namespace CharityCMS.TestSupport;

/// <summary>Small files of each kind a grant may hold, and some it may not, made by hand.</summary>
public static class SampleDocuments
{
    /// <summary>A one-page PDF (the header is what is checked; the rest makes it open in a reader).</summary>
    public static byte[] Pdf(string text = "Grant agreement") => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
        + $"4 0 obj<</Length {text.Length + 30}>>stream\nBT /F1 18 Tf 20 60 Td ({text}) Tj ET\nendstream endobj\n"
        + "5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    /// <summary>A zip with the given parts, as Office Open XML packages are.</summary>
    public static byte[] Zip(params string[] parts)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var part in parts)
            {
                using var writer = new StreamWriter(zip.CreateEntry(part).Open());
                writer.Write("<?xml version=\"1.0\"?><x/>");
            }
        return buffer.ToArray();
    }

    public static byte[] Docx() => Zip("[Content_Types].xml", "_rels/.rels", "word/document.xml");

    /// <summary>The start of a compound file, as Word 97-2003 documents begin.</summary>
    public static byte[] Ole2() => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8.ToArray()];

    public static byte[] Text(string text = "Dear funder, please find our return attached.") => Encoding.UTF8.GetBytes(text);
}
