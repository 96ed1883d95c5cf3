namespace CharityCMS.Workspaces;

/// <summary>
/// Every event in a workspace's streams says who recorded it and when, so any timeline can show
/// both without knowing the event. The store registers each concrete subtype; the tenancy tests
/// cover each one.
/// </summary>
public abstract record WorkspaceEvent(StaffMember By, DateTimeOffset At)
{
    public static IReadOnlyList<Type> AllTypes { get; } = typeof(WorkspaceEvent).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(WorkspaceEvent)) && !t.IsAbstract)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();
}
