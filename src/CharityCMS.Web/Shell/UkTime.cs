namespace CharityCMS.Web.Shell;

/// <summary>Dates and times as staff read them: in Europe/London, whatever the server's own zone.</summary>
public sealed class UkTime(TimeProvider clock)
{
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), London).DateTime);

    public static string Date(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, London).ToString("d MMM yyyy");

    public static string DateAndTime(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, London).ToString("d MMM yyyy, HH:mm");
}
