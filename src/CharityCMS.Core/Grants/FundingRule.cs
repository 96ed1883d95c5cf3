using CharityCMS.Cases;

namespace CharityCMS.Grants;

/// <summary>What attribution needs to know of a case: no more than the case list and the return read.</summary>
public sealed record FundingFacts(Guid CaseId, string ClientReference, CaseService Service, DateOnly OpenedOn, DateOnly? ClosedOn)
{
    /// <summary>Whether the case was open on some day from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public bool OpenDuring(DateOnly from, DateOnly to) => OpenedOn <= to && (ClosedOn is null || ClosedOn >= from);
}

/// <summary>How a funded case came to be funded.</summary>
public sealed record Funding(bool Funded, CaseFundingOverride? Override)
{
    public bool ByOverride => Override is not null;
}

/// <summary>
/// Which cases a grant funds. The rule: the case is under one of the services the grant funds and
/// was open at some time in the grant's period. A manager's override for the case, either way,
/// takes precedence over the rule.
/// </summary>
public static class FundingRule
{
    public static bool ByRule(Grant grant, FundingFacts @case) =>
        grant.Terms.Services.Contains(@case.Service) && @case.OpenDuring(grant.Terms.StartsOn, grant.Terms.EndsOn);

    public static Funding Of(Grant grant, FundingFacts @case) =>
        grant.FundingOverrides.Find(o => o.CaseId == @case.CaseId) is { } decided
            ? new Funding(decided.Funded, decided)
            : new Funding(ByRule(grant, @case), null);

    public static bool Funds(Grant grant, FundingFacts @case) => Of(grant, @case).Funded;
}
