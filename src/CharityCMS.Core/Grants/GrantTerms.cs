using CharityCMS.Cases;
using CharityCMS.Workspaces;

namespace CharityCMS.Grants;

/// <summary>
/// What was agreed with the funder: who funds it, how much, for which period, which services and
/// posts it pays for, who looks after it here, and when the next application or renewal is due.
/// </summary>
public sealed record GrantTerms(
    Guid FunderId,
    string FunderName,
    string Title,
    string? Reference,
    decimal Amount,
    bool Restricted,
    DateOnly StartsOn,
    DateOnly EndsOn,
    IReadOnlyList<CaseService> Services,
    string? Posts,
    StaffMember Owner,
    DateOnly? RenewalDueOn)
{
    internal GrantTerms Normalised() => this with
    {
        FunderName = Text.Tidy(FunderName),
        Title = Text.Tidy(Title),
        Reference = Text.TidyOrNull(Reference),
        Posts = Text.TidyOrNull(Posts, keepLineBreaks: true),
        Services = Services.Distinct().Order().ToList(),
    };

    public bool Covers(DateOnly day) => day >= StartsOn && day <= EndsOn;

    // Records compare lists by reference; two sets of terms are the same when their services are.
    public bool Equals(GrantTerms? other) =>
        other is not null && FunderId == other.FunderId && FunderName == other.FunderName && Title == other.Title
        && Reference == other.Reference && Amount == other.Amount && Restricted == other.Restricted
        && StartsOn == other.StartsOn && EndsOn == other.EndsOn && Services.SequenceEqual(other.Services)
        && Posts == other.Posts && Owner == other.Owner && RenewalDueOn == other.RenewalDueOn;

    public override int GetHashCode() => HashCode.Combine(FunderId, Title, Amount, StartsOn, EndsOn);
}

/// <summary>What a KPI counts, and whether its target is a number or a percentage. Stored by name.</summary>
public enum KpiMeasure
{
    ClientsSupported,
    NewClients,
    ReferralsReceived,
    ReferralsAccepted,
    CasesClosed,
    MaracReferrals,
    FeelSaferAtExit,
    AbuseStoppedOrReducedAtExit,
    WellbeingImprovedAtExit,
    ConfidentToSeekHelpAtExit,
}

public static class KpiMeasures
{
    public static bool IsPercentage(this KpiMeasure measure) => measure >= KpiMeasure.FeelSaferAtExit;

    public static string Title(this KpiMeasure measure) => measure switch
    {
        KpiMeasure.ClientsSupported => "Clients supported",
        KpiMeasure.NewClients => "New clients",
        KpiMeasure.ReferralsReceived => "Referrals received",
        KpiMeasure.ReferralsAccepted => "Referrals accepted",
        KpiMeasure.CasesClosed => "Cases closed",
        KpiMeasure.MaracReferrals => "MARAC referrals",
        KpiMeasure.FeelSaferAtExit => "% feeling safer at exit",
        KpiMeasure.AbuseStoppedOrReducedAtExit => "% abuse stopped or reduced at exit",
        KpiMeasure.WellbeingImprovedAtExit => "% wellbeing improved at exit",
        KpiMeasure.ConfidentToSeekHelpAtExit => "% more confident to seek help at exit",
        _ => measure.ToString(),
    };
}

public sealed record GrantInstalment(Guid Id, DateOnly ExpectedOn, decimal Amount, DateOnly? ReceivedOn, decimal? ReceivedAmount)
{
    public bool IsReceived => ReceivedOn is not null;
}

public sealed record GrantKpi(Guid Id, string Label, KpiMeasure Measure, decimal Target);

public sealed record ReportingDeadline(Guid Id, string Title, DateOnly PeriodFrom, DateOnly PeriodTo, DateOnly DueOn, ReturnSubmission? Submitted)
{
    public bool IsSubmitted => Submitted is not null;
}

public sealed record ReturnSubmission(DateOnly SubmittedOn, Guid? FileId, string? Note, StaffMember By);

/// <summary>A manager's decision that one case is funded (or not) by the grant against the rule, and why.</summary>
public sealed record CaseFundingOverride(Guid CaseId, string ClientReference, bool Funded, string Reason, StaffMember By, DateTimeOffset At);
