using System.Globalization;

namespace CharityCMS.Grants.Returns;

/// <summary>A count and the cases behind it, before it is published.</summary>
public sealed record Tally(int Count, IReadOnlyList<string> CaseReferences)
{
    public static Tally Of(IEnumerable<string> caseReferences)
    {
        var list = caseReferences.Distinct().Order(StringComparer.Ordinal).ToList();
        return new Tally(list.Count, list);
    }
}

/// <summary>
/// Small-number suppression, so that no published figure lets a reader pick out one woman. Primary:
/// a count from 1 to 4 is shown "&lt;5" (0 is safe to show). Secondary, for cells that add up to a
/// shown total: when the hidden cells could be worked out from the total (only one is hidden, or
/// they could only all be ones), the smallest shown non-zero cell is hidden too, and the check
/// repeats; with no such cell left, the total is hidden instead.
/// </summary>
public static class SmallNumbers
{
    public const int Threshold = 5;

    public const string SecondaryNote = "* hidden so that a figure under 5 cannot be worked out from the total";

    public static bool IsSmall(int count) => count is > 0 and < Threshold;

    /// <summary>One count, through primary suppression only.</summary>
    public static ReturnCell Count(Tally tally) =>
        IsSmall(tally.Count) ? ReturnCell.SuppressedCount : Shown(tally);

    public static ReturnCell Shown(Tally tally) =>
        new(tally.Count.ToString("#,##0", CultureInfo.InvariantCulture), tally.Count, false, tally.CaseReferences);

    /// <summary>
    /// Cells that add up to <paramref name="total"/>, in row order. Returns the published parts and
    /// total, and whether anything was hidden only to protect another figure.
    /// </summary>
    public static AdditiveGroup Group(IReadOnlyList<Tally> parts, Tally total)
    {
        var primary = parts.Select(p => IsSmall(p.Count)).ToArray();
        var secondary = new bool[parts.Count];
        var totalHidden = false;
        // A total from 1 to 4 is itself hidden, and then every non-zero part is under 5 and hidden too:
        // nothing is left to work anything out from.
        if (!IsSmall(total.Count))
        {
            while (Exposed(parts, primary, secondary))
            {
                var next = Enumerable.Range(0, parts.Count)
                    .Where(i => !primary[i] && !secondary[i] && parts[i].Count > 0)
                    .OrderBy(i => parts[i].Count).ThenBy(i => i)
                    .Cast<int?>().FirstOrDefault();
                if (next is { } i) secondary[i] = true;
                else
                {
                    totalHidden = true;
                    break;
                }
            }
        }
        var cells = parts.Select((p, i) => primary[i] ? ReturnCell.SuppressedCount : secondary[i] ? ReturnCell.HiddenToProtect : Shown(p)).ToList();
        var totalCell = totalHidden ? ReturnCell.HiddenToProtect : Count(total);
        return new AdditiveGroup(cells, totalCell, totalHidden || secondary.Any(s => s));
    }

    /// <summary>Whether the hidden cells' values follow from the shown total: one alone, or several that can only all be 1.</summary>
    private static bool Exposed(IReadOnlyList<Tally> parts, bool[] primary, bool[] secondary)
    {
        var hidden = Enumerable.Range(0, parts.Count).Where(i => primary[i] || secondary[i]).ToList();
        if (hidden.Count == 0) return false;
        return hidden.Count == 1 || hidden.Sum(i => parts[i].Count) == hidden.Count;
    }
}

public sealed record AdditiveGroup(IReadOnlyList<ReturnCell> Parts, ReturnCell Total, bool HidSecondary);
