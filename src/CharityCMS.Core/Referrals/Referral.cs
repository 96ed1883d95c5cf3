using System.Text.Json.Serialization;
using CharityCMS.Cases;
using CharityCMS.Risk;
using CharityCMS.Workspaces;

namespace CharityCMS.Referrals;

/// <summary>
/// A referral in: the state of its stream, kept inline as a document so the triage queue and the
/// referral page read it in one query. Marten sets <see cref="Version"/> to the stream version,
/// which a triage decision must match.
/// </summary>
// partial: Marten's source generator writes the projection code for this snapshot into the other part.
public sealed partial class Referral
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public ReferralSource Source { get; set; }
    public Referrer? Referrer { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public string? Reason { get; set; }
    public RiskLevel? KnownRisk { get; set; }
    public bool ConsentToContact { get; set; }

    /// <summary>How her consent was confirmed, when the referral arrived without it.</summary>
    public string? ConsentConfirmedHow { get; set; }
    public ReferredPerson Person { get; set; } = null!;
    public StaffMember RecordedBy { get; set; } = null!;

    public ReferralStatus Status { get; set; }
    public DateTimeOffset? TriagedAt { get; set; }
    public StaffMember? TriagedBy { get; set; }
    public Guid? ClientId { get; set; }
    public string? ClientReference { get; set; }
    public Guid? CaseId { get; set; }
    public CaseService? Service { get; set; }
    public string? DeclineReason { get; set; }
    public string? SignpostedTo { get; set; }
    public string? SignpostNote { get; set; }

    public List<ContactAttempt> Attempts { get; set; } = [];

    /// <summary>When she was first actually reached; unsuccessful attempts do not count.</summary>
    public DateTimeOffset? FirstContactAt { get; set; }

    public DateTimeOffset LastChangedAt { get; set; }
    public StaffMember LastChangedBy { get; set; } = null!;

    [JsonIgnore]
    public bool IsTriaged => Status != ReferralStatus.Untriaged;

    /// <summary>From receipt to the first successful contact: the number funders ask for.</summary>
    [JsonIgnore]
    public TimeSpan? TimeToFirstContact => FirstContactAt - ReceivedAt;

    public static Referral Create(ReferralReceived received)
    {
        var referral = new Referral
        {
            Source = received.Source,
            Referrer = received.Referrer,
            ReceivedAt = received.ReceivedAt,
            Reason = received.Reason,
            KnownRisk = received.KnownRisk,
            ConsentToContact = received.ConsentToContact,
            Person = received.Person,
            RecordedBy = received.By,
            Status = ReferralStatus.Untriaged,
        };
        referral.Touched(received);
        return referral;
    }

    public void Apply(ReferralAccepted accepted)
    {
        Status = ReferralStatus.Accepted;
        ClientId = accepted.ClientId;
        ClientReference = accepted.ClientReference;
        CaseId = accepted.CaseId;
        Service = accepted.Service;
        Triaged(accepted);
    }

    public void Apply(ReferralDeclined declined)
    {
        Status = ReferralStatus.Declined;
        DeclineReason = declined.Reason;
        Triaged(declined);
    }

    public void Apply(ReferralSignposted signposted)
    {
        Status = ReferralStatus.Signposted;
        SignpostedTo = signposted.Organisation;
        SignpostNote = signposted.Note;
        Triaged(signposted);
    }

    public void Apply(ReferralConsentConfirmed confirmed)
    {
        ConsentToContact = true;
        ConsentConfirmedHow = confirmed.HowConfirmed;
        Touched(confirmed);
    }

    public void Apply(FirstContactAttempted attempted)
    {
        Attempts.Add(new ContactAttempt(attempted.AttemptId, attempted.Method, attempted.Successful, attempted.OccurredAt,
            attempted.PhoneNumber, attempted.Note, attempted.By, attempted.At));
        if (attempted.Successful) Reached(attempted.OccurredAt);
        Touched(attempted);
    }

    public void Apply(FirstContactMadeOnCase made)
    {
        Reached(made.OccurredAt);
        Touched(made);
    }

    private void Reached(DateTimeOffset at)
    {
        if (FirstContactAt is null || at < FirstContactAt) FirstContactAt = at;
    }

    private void Triaged(WorkspaceEvent e)
    {
        TriagedAt = e.At;
        TriagedBy = e.By;
        Touched(e);
    }

    private void Touched(WorkspaceEvent e)
    {
        LastChangedAt = e.At;
        LastChangedBy = e.By;
    }

    /// <summary>Refuses a second triage decision, saying who made the first and when.</summary>
    public void EnsureUntriaged()
    {
        if (IsTriaged)
            throw new CaseworkRuleException(
                $"This referral was already {Status.Title().ToLowerInvariant()} by {TriagedBy?.Name ?? "someone"} on {UkCalendar.ToLondon(TriagedAt!.Value):d MMM yyyy 'at' HH:mm}.");
    }

    /// <summary>The event an attempt produces, or a refusal when the method is not safe for her.</summary>
    public FirstContactAttempted Attempt(LogFirstContactAttempt command, StaffMember by, DateTimeOffset at)
    {
        if (SafeContact.RefusalFor(this, command.Method, command.PhoneNumber) is { } refusal) throw new CaseworkRuleException(refusal);
        var occurredAt = SinceReceived(command.OccurredAt)
            ?? throw new CaseworkRuleException("A contact attempt cannot be earlier than the referral was received.");
        var phone = command.Method.UsesPhone() ? SafeContact.PhoneFor(Person, command.PhoneNumber)?.Number : null;
        return new FirstContactAttempted(Guid.CreateVersion7(), command.Method, command.Successful, occurredAt, phone,
            Text.TidyOrNull(command.Note, keepLineBreaks: true), by, at);
    }

    /// <summary>
    /// The event that records a successful contact on the case opened from this referral as her first
    /// contact, when it is earlier than any first contact recorded; none for an attempt that failed,
    /// or a contact from before the referral arrived (she was then reached for something else).
    /// </summary>
    public FirstContactMadeOnCase? FirstContactOnCase(Guid caseId, ContactLogged contact)
    {
        if (caseId != CaseId || !contact.Successful || SinceReceived(contact.OccurredAt) is not { } reachedAt) return null;
        if (FirstContactAt is { } first && first <= reachedAt) return null;
        return new FirstContactMadeOnCase(caseId, contact.ContactId, reachedAt, contact.By, contact.At);
    }

    /// <summary>
    /// A contact's time counted from the referral's arrival, or null when it was before it. Times are
    /// entered to the minute: a contact in the minute the referral arrived is not "before" it.
    /// </summary>
    private DateTimeOffset? SinceReceived(DateTimeOffset occurredAt)
    {
        var receivedMinute = ReceivedAt.AddTicks(-(ReceivedAt.Ticks % TimeSpan.TicksPerMinute));
        if (occurredAt < receivedMinute) return null;
        return occurredAt < ReceivedAt ? ReceivedAt : occurredAt;
    }

    /// <summary>What a new client's registration looks like when prefilled from this referral; staff check and complete it.</summary>
    public Clients.RegisterClient ToRegistration()
    {
        var notes = Person.Contact.SafeContactNotes;
        if (!Person.SafeToWrite && Person.Address is not null)
            notes = string.IsNullOrEmpty(notes) ? "Post is not safe (from the referral)." : $"{notes}\nPost is not safe (from the referral).";
        return new Clients.RegisterClient(
            new Clients.ClientPersonalDetails(Person.Name, null, Person.DateOfBirth, Person.ApproximateAge, null, "English", false),
            Person.Contact with { SafeContactNotes = notes },
            Person.Address is { } address && !Person.SafeToWrite ? address with { DoNotDisclose = true } : Person.Address);
    }
}
