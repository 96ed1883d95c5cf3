using System.Text.RegularExpressions;

namespace CharityCMS;

/// <summary>Tidies text people type: trims it and folds runs of spaces, so "Jane  Smith " and "Jane Smith" are one name.</summary>
public static partial class Text
{
    public static string Tidy(string value) => Spaces().Replace(value.Trim(), " ");

    /// <summary>A note as written: line breaks kept (in one form), only the ends trimmed.</summary>
    public static string Note(string value) => value.Trim().ReplaceLineEndings("\n");

    public static string? TidyOrNull(string? value, bool keepLineBreaks = false)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return keepLineBreaks ? value.Trim().ReplaceLineEndings("\n") : Tidy(value);
    }

    /// <summary>True when the text holds a control character other than a line break or tab.</summary>
    public static bool HasControlCharacters(string? value, bool allowLineBreaks = false) =>
        value is not null && value.Any(c => char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t'));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
