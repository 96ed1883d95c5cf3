namespace CharityCMS.Workspaces;

/// <summary>
/// One charity's workspace. Platform-wide: it lives outside any tenant.
/// </summary>
/// <param name="Id">
/// The workspace's slug, such as <c>riverside</c>: permanent, used in its public addresses and as
/// the Marten tenant id of every document and event the charity owns.
/// </param>
public sealed record Workspace(
    string Id,
    string Name,
    string ClientReferencePrefix,
    DateTimeOffset CreatedAt,
    string CreatedBy);
