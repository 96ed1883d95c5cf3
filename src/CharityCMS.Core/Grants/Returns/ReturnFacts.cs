using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.Referrals;
using CharityCMS.Risk;

namespace CharityCMS.Grants.Returns;

/// <summary>
/// Everything a return counts, as plain lists read from the store: the grant, its candidate cases
/// (whether each is funded is decided here, by <see cref="FundingRule"/>), their clients, the
/// referrals received, completed risk assessments and MARAC referrals. The lists cover the grant's
/// start to the end of the return, so the KPIs to date come from the same facts.
/// </summary>
public sealed record ReturnFacts(
    string CharityName,
    Grant Grant,
    DateOnly From,
    DateOnly To,
    DateTimeOffset ComputedAt,
    IReadOnlyList<CaseFacts> Cases,
    IReadOnlyList<ClientFacts> Clients,
    IReadOnlyList<ReferralFacts> Referrals,
    IReadOnlyList<AssessmentFacts> Assessments,
    IReadOnlyList<MaracFacts> MaracReferrals);

// Settable shapes, so the store fills them straight from a projection of the fields counted, never whole documents.
// Classes, not records: a return counts tens of thousands of them, and each works out its
// reference and London date once.

public sealed class CaseFacts
{
    public Guid Id { get; init; }
    public Guid ClientId { get; init; }
    public string ClientReference { get; init; } = "";
    public CaseService Service { get; init; }
    public DateOnly OpenedOn { get; init; }
    public DateOnly? ClosedOn { get; init; }
    public List<AbuseType> AbuseTypes { get; init; } = [];
    public OutcomeScores? IntakeOutcomes { get; init; }
    public OutcomeScores? ExitOutcomes { get; init; }

    /// <summary>How a case is named in a drill-down: her reference and the service, never her name.</summary>
    public string Reference => field ??= $"{ClientReference} {Service.Title()}";

    public FundingFacts Funding => new(Id, ClientReference, Service, OpenedOn, ClosedOn);
}

public sealed record ClientFacts
{
    public Guid Id { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public int? ApproximateAge { get; init; }
    public DateOnly AgeRecordedOn { get; init; }
    public EqualityMonitoring Monitoring { get; init; } = EqualityMonitoring.NotRecorded;

    public int? AgeOn(DateOnly day) => ClientAge.On(day, DateOfBirth, ApproximateAge, AgeRecordedOn);
}

public sealed class ReferralFacts
{
    public Guid Id { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public ReferralStatus Status { get; init; }
    public Guid? CaseId { get; init; }
    public DateTimeOffset? FirstContactAt { get; init; }

    public DateOnly ReceivedOn => field == default ? field = UkCalendar.DateOf(ReceivedAt) : field;
}

public sealed record AssessmentFacts
{
    public Guid ClientId { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public RiskLevel FinalLevel { get; init; }
}

public sealed record MaracFacts
{
    public Guid ClientId { get; init; }
    public DateOnly ReferredOn { get; init; }
    public bool Repeat { get; init; }
}
