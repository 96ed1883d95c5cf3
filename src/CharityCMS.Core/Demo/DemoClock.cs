namespace CharityCMS.Demo;

/// <summary>Lets the seed date what it records in the past, so the demo has two years of history.</summary>
internal sealed class DemoClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}
