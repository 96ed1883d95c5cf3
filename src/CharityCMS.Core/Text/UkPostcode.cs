using System.Text.RegularExpressions;

namespace CharityCMS;

/// <summary>UK postcodes in the Royal Mail format, stored upper-case with one space before the inward code.</summary>
public static partial class UkPostcode
{
    public static bool IsValid(string? value) =>
        value is not null && Pattern().IsMatch(Compact(value));

    public static string Format(string value)
    {
        var compact = Compact(value);
        return compact.Length > 3 ? $"{compact[..^3]} {compact[^3..]}" : compact;
    }

    private static string Compact(string value) => value.Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();

    [GeneratedRegex("^(GIR0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY])[0-9][ABD-HJLNP-UW-Z]{2})$")]
    private static partial Regex Pattern();
}
