using System.Text.Json.Serialization;

namespace CharityCMS.Workspaces;

/// <summary>
/// A person's membership of one workspace. Platform-wide, because sign-in must find a person's
/// workspaces before any tenant is known. An invitation is a member with no <see cref="ObjectId"/>
/// yet: the first sign-in with the invited email address claims it.
/// </summary>
public sealed record Member(
    Guid Id,
    string WorkspaceId,
    string Email,
    string DisplayName,
    IReadOnlyList<WorkspaceRole> Roles,
    DateTimeOffset InvitedAt,
    string InvitedBy,
    string? ObjectId = null,
    DateTimeOffset? JoinedAt = null)
{
    [JsonIgnore]
    public bool HasJoined => ObjectId is not null;

    public StaffMember AsStaff() => new(Id, DisplayName);

    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();
}
