namespace CharityCMS;

/// <summary>Phone numbers reduced to digits, with +44 written as a leading 0, so one number typed two ways matches itself.</summary>
public static class PhoneDigits
{
    public static string Normalise(string number)
    {
        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        if (number.TrimStart().StartsWith('+') && digits.StartsWith("44", StringComparison.Ordinal)) return "0" + digits[2..];
        if (digits.StartsWith("0044", StringComparison.Ordinal)) return "0" + digits[4..];
        return digits;
    }

    /// <summary>True when a search term is a phone number rather than a name: mostly digits, at least five of them.</summary>
    public static bool LooksLikePhone(string term)
    {
        var digits = term.Count(char.IsAsciiDigit);
        return digits >= 5 && term.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')');
    }
}
