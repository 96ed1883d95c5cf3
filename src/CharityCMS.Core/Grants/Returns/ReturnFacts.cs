using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.Referrals;
using CharityCMS.Risk;
using System.Text.Json.Serialization;

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

/// <summary>
/// What funding and returns read of a case, kept by its own inline projection of the case's events
/// beside the case document. A few hundred bytes, where the case document carries the whole
/// contact log: a return over a year reads thousands of these, and PostgreSQL would decompress a
/// whole case document for every one. Makes of each event exactly what <see cref="Case"/> makes of it.
/// </summary>
public sealed class CaseFacts
{
    public Guid Id { get; set; }
    public Guid ClientId { get; set; }
    public string ClientReference { get; set; } = "";
    public CaseService Service { get; set; }
    public DateOnly OpenedOn { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public List<AbuseType> AbuseTypes { get; set; } = [];
    public OutcomeScores? IntakeOutcomes { get; set; }
    public OutcomeScores? ExitOutcomes { get; set; }

    public static CaseFacts Create(CaseOpened opened) => new()
    {
        ClientId = opened.ClientId,
        ClientReference = opened.ClientReference,
        Service = opened.Service,
        OpenedOn = opened.OpenedOn,
    };

    public void Apply(CaseClosed closed) => ClosedOn = closed.ClosedOn;

    public void Apply(CaseAbuseTypesRecorded recorded) => AbuseTypes = recorded.AbuseTypes.ToList();

    public void Apply(OutcomesRecorded recorded)
    {
        if (recorded.Stage == OutcomeStage.Intake) IntakeOutcomes = recorded.Scores;
        else ExitOutcomes = recorded.Scores;
    }

    /// <summary>How a case is named in a drill-down: her reference and the service, never her name.</summary>
    [JsonIgnore]
    public string Reference => field ??= $"{ClientReference} {Service.Title()}";

    [JsonIgnore]
    public FundingFacts Funding => new(Id, ClientReference, Service, OpenedOn, ClosedOn);
}

// Settable shapes, so the store fills them straight from a projection of the fields counted, never whole documents.
// Classes, not records: a return counts tens of thousands of them, and each works out its
// reference and London date once.

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
