namespace CharityCMS.Workspaces;

/// <summary>
/// A person holding the platform Operator app role, checked by the host before it builds this.
/// Operators create workspaces; they do not see any charity's data unless they are also members.
/// </summary>
public sealed record PlatformOperator(string ObjectId, string Name);
