using System.Globalization;

namespace CharityCMS.Reminders;

/// <summary>When the daily reminder run happens: a London wall-clock time, so 07:00 stays 07:00 across the clock changes.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>The London time of the daily run, "HH:mm".</summary>
    public string DailyAt { get; set; } = "07:00";

    public TimeOnly Time => TimeOnly.ParseExact(DailyAt, "HH:mm", CultureInfo.InvariantCulture);
}

public static class ReminderSchedule
{
    /// <summary>The cron expression of the daily run, to be read in Europe/London time (the job scheduler's time zone).</summary>
    public static string Cron(TimeOnly dailyAt) => $"{dailyAt.Minute} {dailyAt.Hour} * * *";

    /// <summary>The first daily run strictly after <paramref name="after"/>, as an instant.</summary>
    public static DateTimeOffset NextRunAfter(DateTimeOffset after, TimeOnly dailyAt)
    {
        var day = UkCalendar.DateOf(after);
        var run = UkCalendar.At(day, dailyAt);
        return run > after ? run : UkCalendar.At(day.AddDays(1), dailyAt);
    }
}
