namespace CharityCMS.Grants.Returns;

/// <summary>
/// Turns section titles into worksheet names Excel accepts: at most 31 characters, none of
/// <c>[]:*?/\</c>, no apostrophe at either end, not "History" (Excel keeps it), and unique
/// ignoring case within the workbook.
/// </summary>
internal sealed class SheetNames(params string[] taken)
{
    const int Longest = 31;
    readonly HashSet<string> _taken = new(taken.Append("History"), StringComparer.OrdinalIgnoreCase);

    public string For(string title)
    {
        var cleaned = new string(title.Select(c => "[]:*?/\\".Contains(c) || char.IsControl(c) ? ' ' : c).ToArray());
        var name = Cut(string.Join(' ', cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries)), Longest);
        if (name.Length == 0)
            name = "Section";

        var candidate = name;
        for (var n = 2; !_taken.Add(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = Cut(name, Longest - suffix.Length) + suffix;
        }
        return candidate;
    }

    static string Cut(string name, int length) =>
        (name.Length > length ? name[..length] : name).Trim().Trim('\'').Trim();
}
