namespace CharityCMS.Web.Shell;

/// <summary>Dates and times as staff read them: in Europe/London, whatever the server's own zone.</summary>
public sealed class UkTime(TimeProvider clock)
{
    public DateOnly Today => UkCalendar.Today(clock);

    /// <summary>The London wall-clock time now.</summary>
    public DateTimeOffset Now => UkCalendar.ToLondon(clock.GetUtcNow());

    public static string Date(DateTimeOffset at) => UkCalendar.ToLondon(at).ToString("d MMM yyyy");

    public static string DateAndTime(DateTimeOffset at) => UkCalendar.ToLondon(at).ToString("d MMM yyyy, HH:mm");
}
