using CharityCMS.Cases;
using CharityCMS.Notifications;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;

namespace CharityCMS.Demo;

/// <summary>Lets the seed date what it records in the past, so the demo has two years of history.</summary>
internal sealed class DemoClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;

    /// <summary>The notifications inbox on this clock, for the handlers the seed builds itself.</summary>
    public NotificationInbox Inbox(IDocumentStore store) => new(store, this, NullLogger<NotificationInbox>.Instance);

    /// <summary>The need-to-know rule on this clock, for the handlers the seed builds itself.</summary>
    public CaseloadGuard Guard(IDocumentStore store) => new(store, Inbox(store), this);
}
