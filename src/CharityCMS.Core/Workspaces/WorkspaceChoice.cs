namespace CharityCMS.Workspaces;

/// <summary>The workspace a person last switched to. Keyed by the Entra object id; platform-wide.</summary>
public sealed record WorkspaceChoice(string Id, string WorkspaceId, DateTimeOffset ChosenAt);
