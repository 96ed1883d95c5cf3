using System.IO.Compression;

namespace CharityCMS.Grants;

/// <summary>What a file turned out to be: the content type it is served with, or why it was refused.</summary>
public sealed record DocumentCheck(string? ContentType, string? Refusal)
{
    public bool Accepted => Refusal is null;
}

/// <summary>
/// Which files a grant may hold: PDF and Office documents, recognised by their content, whose name
/// agrees with what they are. What the browser says a file is counts for nothing.
/// </summary>
public static class DocumentTypes
{
    public const string Empty = "The file is empty.";
    public const string TooLarge = "The file is larger than 10 MB.";
    public const string NotADocument = "Only PDF and Office documents (Word, Excel, PowerPoint) can be attached; this file is not one.";
    public const int MaxFileNameLength = 150;

    /// <summary>For the file picker: a hint only, the content is what is checked.</summary>
    public const string Extensions = ".pdf,.docx,.xlsx,.pptx,.doc,.xls,.ppt";

    private const string Pdf = "application/pdf";
    private static readonly byte[] PdfHeader = "%PDF-"u8.ToArray();
    private static readonly byte[] Ole2Header = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    // Extension → (part an Office Open XML package of that kind always has, content type).
    private static readonly Dictionary<string, (string Part, string ContentType)> OpenXml = new(StringComparer.OrdinalIgnoreCase)
    {
        [".docx"] = ("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        [".xlsx"] = ("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        [".pptx"] = ("ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    };

    // The older binary formats share one container; its name says which program it is for.
    private static readonly Dictionary<string, string> Legacy = new(StringComparer.OrdinalIgnoreCase)
    {
        [".doc"] = "application/msword",
        [".xls"] = "application/vnd.ms-excel",
        [".ppt"] = "application/vnd.ms-powerpoint",
    };

    public static DocumentCheck Check(string fileName, ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty) return Refused(Empty);
        if (content.Length > GrantDocuments.MaxBytes) return Refused(TooLarge);
        var extension = Path.GetExtension(SafeFileName(fileName));
        if (extension.Equals(".pdf", StringComparison.OrdinalIgnoreCase))
            return content.StartsWith(PdfHeader) ? new DocumentCheck(Pdf, null) : Refused(NotADocument);
        if (Legacy.TryGetValue(extension, out var legacy))
            return content.StartsWith(Ole2Header) ? new DocumentCheck(legacy, null) : Refused(NotADocument);
        if (OpenXml.TryGetValue(extension, out var package))
            return IsPackageWith(content, package.Part) ? new DocumentCheck(package.ContentType, null) : Refused(NotADocument);
        return Refused(NotADocument);
    }

    /// <summary>The name as it may be shown and offered for download: no folders, no control characters, at most 150 characters with its extension.</summary>
    public static string SafeFileName(string fileName)
    {
        var last = fileName[(fileName.LastIndexOfAny(['/', '\\']) + 1)..];
        var clean = new string(last.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (clean.Length <= MaxFileNameLength) return clean;
        var extension = Path.GetExtension(clean);
        if (extension.Length >= MaxFileNameLength) extension = "";
        return clean[..(MaxFileNameLength - extension.Length)].TrimEnd() + extension;
    }

    private static bool IsPackageWith(ReadOnlySpan<byte> content, string part)
    {
        try
        {
            // Only the directory is read: nothing is unpacked, so a zip bomb costs nothing here.
            using var zip = new ZipArchive(new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
            return zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry(part) is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static DocumentCheck Refused(string reason) => new(null, reason);
}
