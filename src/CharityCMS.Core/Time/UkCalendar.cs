namespace CharityCMS;

/// <summary>
/// The charity's calendar: Europe/London, whatever the server's own zone. "Today", due dates and
/// reminder times are London dates, so a reminder keeps its local time across the clock changes.
/// </summary>
public static class UkCalendar
{
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTimeOffset ToLondon(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, London);

    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(ToLondon(at).DateTime);

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>The instant a London wall-clock time happens on a day (the later one when the clocks go back).</summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (London.IsInvalidTime(local)) local = local.AddHours(1);
        var offset = London.IsAmbiguousTime(local) ? London.GetAmbiguousTimeOffsets(local).Min() : London.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
