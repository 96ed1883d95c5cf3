namespace CharityCMS.Workspaces;

/// <summary>Who did something, as events and audit entries record it: the member id and the name shown then.</summary>
public sealed record StaffMember(Guid Id, string Name);
