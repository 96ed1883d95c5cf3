namespace CharityCMS.Reporting;

/// <summary>How many clients a workspace had when the nightly count last ran. A number, never a name.</summary>
public sealed record ClientCount(string Id, string WorkspaceName, int Clients, DateTimeOffset CountedAt);
