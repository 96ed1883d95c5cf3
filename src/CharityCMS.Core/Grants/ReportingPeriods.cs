namespace CharityCMS.Grants;

/// <summary>How often a funder wants a return. Stored by name.</summary>
public enum ReportingFrequency { Monthly, Quarterly, HalfYearly, Annually }

/// <summary>The reporting periods of a grant: consecutive, from its first day, the last one cut at its end.</summary>
public static class ReportingPeriods
{
    public static IEnumerable<(DateOnly From, DateOnly To)> Of(DateOnly startsOn, DateOnly endsOn, ReportingFrequency frequency)
    {
        var months = frequency switch
        {
            ReportingFrequency.Monthly => 1,
            ReportingFrequency.Quarterly => 3,
            ReportingFrequency.HalfYearly => 6,
            _ => 12,
        };
        // Each period counted from the first day, so a grant starting on the 31st does not drift to the 28th.
        for (var n = 0; startsOn.AddMonths(n * months) <= endsOn; n++)
        {
            var from = startsOn.AddMonths(n * months);
            var to = startsOn.AddMonths((n + 1) * months).AddDays(-1);
            yield return (from, to < endsOn ? to : endsOn);
        }
    }

    public static string Title(ReportingFrequency frequency, DateOnly from, DateOnly to)
    {
        var kind = frequency switch
        {
            ReportingFrequency.Monthly => "Monthly return",
            ReportingFrequency.Quarterly => "Quarterly return",
            ReportingFrequency.HalfYearly => "Half-year return",
            _ => "Annual return",
        };
        return $"{kind}, {from:d MMM yyyy} to {to:d MMM yyyy}";
    }
}
