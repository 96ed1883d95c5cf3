using PdfSharp.Fonts;

namespace CharityCMS.Grants.Returns;

/// <summary>
/// Liberation Sans for the return PDFs, from the Core assembly: PDFsharp finds no system fonts on
/// Linux, and a server's fonts are not ours to count on. Every family asked for gets this one.
/// </summary>
internal sealed class ReturnFonts : IFontResolver
{
    public const string Family = "Liberation Sans";
    const string Regular = "LiberationSans-Regular";
    const string Bold = "LiberationSans-Bold";

    static readonly Lock Gate = new();
    static readonly ReturnFonts Instance = new();

    /// <summary>
    /// Makes this PDFsharp's font resolver. PDFsharp allows one resolver per process, set again only
    /// with the same instance; the lock stops two first exports racing to set it.
    /// </summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not ReturnFonts)
                GlobalFontSettings.FontResolver = Instance;
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular);

    public byte[] GetFont(string faceName)
    {
        using var stream = typeof(ReturnFonts).Assembly.GetManifestResourceStream($"fonts/{faceName}.ttf")
            ?? throw new InvalidOperationException($"The font {faceName} is not embedded in {typeof(ReturnFonts).Assembly.GetName().Name}.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
