namespace CharityCMS.Clients;

public static class ClientAge
{
    /// <summary>
    /// Her age on <paramref name="day"/>: exact from a date of birth, otherwise the approximate age
    /// given on <paramref name="recordedOn"/> carried forward. Null when neither is known.
    /// </summary>
    public static int? On(DateOnly day, DateOnly? dateOfBirth, int? approximateAge, DateOnly recordedOn) => dateOfBirth is { } born
        ? day.Year - born.Year - (day < born.AddYears(day.Year - born.Year) ? 1 : 0)
        : approximateAge + (day.DayNumber - recordedOn.DayNumber) / 365;

    /// <summary>How an age reads on screen: "34", "about 34", or "not known".</summary>
    public static string Describe(int? age, bool approximate) => age switch
    {
        null => "not known",
        _ when approximate => $"about {age}",
        _ => age.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
