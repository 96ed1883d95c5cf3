using CharityCMS.Workspaces;

namespace CharityCMS.LinkedPeople;

// People linked to a client's file, each on a stream of its own (so adding a child never makes
// an edit of her record stale). Shipped events are never renamed or reshaped.

public sealed record ChildLinked(Guid ClientId, ChildDetails Details, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);

public sealed record ChildDetailsChanged(ChildDetails Details, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);

public sealed record PerpetratorLinked(Guid ClientId, PerpetratorDetails Details, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);

public sealed record PerpetratorDetailsChanged(PerpetratorDetails Details, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);
