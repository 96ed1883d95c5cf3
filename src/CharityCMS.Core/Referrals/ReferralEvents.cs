using CharityCMS.Cases;
using CharityCMS.Risk;
using CharityCMS.Workspaces;

namespace CharityCMS.Referrals;

// What happened to one referral, in order, on the stream whose id is the referral's id.
// Shipped events are never renamed or reshaped: add a new event instead.

/// <summary>A referral arrived: recorded by staff from an agency, or sent by the woman herself (source Self).</summary>
public sealed record ReferralReceived(
    ReferralSource Source,
    Referrer? Referrer,
    DateTimeOffset ReceivedAt,
    string? Reason,
    RiskLevel? KnownRisk,
    bool ConsentToContact,
    ReferredPerson Person,
    StaffMember By,
    DateTimeOffset At) : WorkspaceEvent(By, At);

/// <summary>Accepted: linked to a client (new or existing) and a case opened for her in the same change.</summary>
public sealed record ReferralAccepted(
    Guid ClientId,
    string ClientReference,
    bool NewClient,
    Guid CaseId,
    CaseService Service,
    StaffMember? Worker,
    StaffMember By,
    DateTimeOffset At) : WorkspaceEvent(By, At);

public sealed record ReferralDeclined(string Reason, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);

/// <summary>Pointed to another organisation better placed to help.</summary>
public sealed record ReferralSignposted(string Organisation, string? Note, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);

/// <summary>An attempt to make first contact with her, successful or not. Only a safe method is ever recorded.</summary>
public sealed record FirstContactAttempted(
    Guid AttemptId,
    ContactMethod Method,
    bool Successful,
    DateTimeOffset OccurredAt,
    string? PhoneNumber,
    string? Note,
    StaffMember By,
    DateTimeOffset At) : WorkspaceEvent(By, At);

/// <summary>
/// She was first reached through the case opened from this referral, before anyone recorded a first
/// contact on the referral itself: the contact stays on the case; the referral keeps only when.
/// </summary>
public sealed record FirstContactMadeOnCase(Guid CaseId, Guid ContactId, DateTimeOffset OccurredAt, StaffMember By, DateTimeOffset At)
    : WorkspaceEvent(By, At);

/// <summary>She agreed to be contacted after the referral was made without her consent (confirmed through the referrer, say).</summary>
public sealed record ReferralConsentConfirmed(string HowConfirmed, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);
