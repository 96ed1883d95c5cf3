namespace CharityCMS.Grants;

/// <summary>What kind of date a grant holds: a return to send, a renewal to apply for, money to arrive.</summary>
public enum GrantDeadlineKind { Return, Renewal, Instalment }

/// <summary>
/// One date on a grant that someone must act on. <see cref="Key"/> is stable while the item lives
/// (a deadline's or instalment's id, or "renewal"), so its reminders follow it when the date moves.
/// </summary>
public sealed record GrantDeadline(Guid GrantId, string GrantTitle, string FunderName, GrantDeadlineKind Kind, string Key, string What, DateOnly DueOn, bool Done)
{
    public int DaysFrom(DateOnly today) => DueOn.DayNumber - today.DayNumber;

    public bool IsOverdueOn(DateOnly today) => !Done && DueOn < today;
}

public static class GrantDeadlines
{
    /// <summary>Every date on a live grant: returns, the renewal, instalments. None for a deleted grant.</summary>
    public static IReadOnlyList<GrantDeadline> Of(Grant grant)
    {
        if (grant.IsDeleted) return [];
        var terms = grant.Terms;
        var dates = new List<GrantDeadline>();
        dates.AddRange(grant.Deadlines.Select(r =>
            new GrantDeadline(grant.Id, terms.Title, terms.FunderName, GrantDeadlineKind.Return, r.Id.ToString("N"), r.Title, r.DueOn, r.IsSubmitted)));
        if (terms.RenewalDueOn is { } renewal)
            dates.Add(new GrantDeadline(grant.Id, terms.Title, terms.FunderName, GrantDeadlineKind.Renewal, "renewal", "Renewal or next application", renewal, grant.RenewalApplied));
        dates.AddRange(grant.Instalments.Select(i =>
            new GrantDeadline(grant.Id, terms.Title, terms.FunderName, GrantDeadlineKind.Instalment, i.Id.ToString("N"),
                $"Instalment of {Money.Pounds(i.Amount)} expected", i.ExpectedOn, i.IsReceived)));
        return dates.OrderBy(d => d.DueOn).ToList();
    }
}
