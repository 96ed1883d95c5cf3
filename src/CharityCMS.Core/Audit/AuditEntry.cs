using CharityCMS.Workspaces;

namespace CharityCMS.Audit;

/// <summary>What an audit entry records. Stored by name: never rename a value once shipped.</summary>
public enum AuditAction
{
    ClientRecordOpened,
    WorkspaceCreated,
    MemberInvited,
    MemberJoined,
    MemberRolesChanged,
    MemberRemoved,
    BreakGlassOpening,
    ConfidentialAddressRevealed,
    CaseworkSettingsChanged,
    RiskAssessmentOpened,
    FundingSettingsChanged,
    GrantDocumentDownloaded,
    StripeConnected,
    CampaignAdded,
    CampaignChanged,
    DonationSettingsChanged,
}

/// <summary>
/// One line of a workspace's audit trail: who did what to which subject, and when. Lives in the
/// workspace's tenant, in the same database as the data it watches. Carries ids and role names,
/// never a client's personal data.
/// </summary>
public sealed record AuditEntry(
    Guid Id,
    string WorkspaceId,
    AuditAction Action,
    Guid? SubjectId,
    Guid? ActorId,
    string ActorName,
    DateTimeOffset At,
    string? Detail = null)
{
    public static AuditEntry By(StaffMember actor, string workspaceId, AuditAction action, Guid? subjectId, DateTimeOffset at, string? detail = null) =>
        new(Guid.NewGuid(), workspaceId, action, subjectId, actor.Id, actor.Name, at, detail);
}
