using CharityCMS.Cases;
using CharityCMS.Grants;
using CharityCMS.Workspaces;

namespace CharityCMS.Core.Tests.Grants;

/// <summary>The funding rule as a pure function: an IDVA grant for 1 April to 30 September 2026.</summary>
public class FundingRuleTests
{
    private static readonly StaffMember Grace = new(Guid.NewGuid(), "Grace Manager");

    private static Grant IdvaGrant(params CaseFundingOverride[] overrides) => new()
    {
        Terms = new GrantTerms(Guid.NewGuid(), "Northshire PCC", "IDVA service", null, 10_000m, true,
            new DateOnly(2026, 4, 1), new DateOnly(2026, 9, 30), [CaseService.Idva], null, Grace, null),
        FundingOverrides = overrides.ToList(),
    };

    private static FundingFacts Case(CaseService service, string opened, string? closed = null) =>
        new(Guid.NewGuid(), "TST-000001", service, DateOnly.Parse(opened), closed is null ? null : DateOnly.Parse(closed));

    [Theory]
    [InlineData(CaseService.Idva, "2026-05-01", null, true)]
    [InlineData(CaseService.Isva, "2026-05-01", null, false)]
    [InlineData(CaseService.Idva, "2026-01-10", "2026-03-31", false)]
    [InlineData(CaseService.Idva, "2026-01-10", "2026-04-01", true)]
    [InlineData(CaseService.Idva, "2025-06-01", null, true)]
    [InlineData(CaseService.Idva, "2026-09-30", null, true)]
    [InlineData(CaseService.Idva, "2026-10-01", null, false)]
    [InlineData(CaseService.Idva, "2026-09-30", "2026-12-01", true)]
    public void A_case_is_funded_when_its_service_is_the_grants_and_it_was_open_on_some_day_of_the_grant(CaseService service, string opened, string? closed, bool funded)
    {
        var funding = FundingRule.Of(IdvaGrant(), Case(service, opened, closed));

        Assert.Equal(funded, funding.Funded);
        Assert.False(funding.ByOverride);
    }

    [Fact]
    public void An_override_wins_over_the_rule_either_way()
    {
        var isva = Case(CaseService.Isva, "2026-05-01");
        var idva = Case(CaseService.Idva, "2026-05-01");
        var grant = IdvaGrant(
            new CaseFundingOverride(isva.CaseId, isva.ClientReference, true, "Covered the IDVA's caseload while she was away.", Grace, DateTimeOffset.UtcNow),
            new CaseFundingOverride(idva.CaseId, idva.ClientReference, false, "Funded by the Lottery grant instead.", Grace, DateTimeOffset.UtcNow));

        Assert.True(FundingRule.Funds(grant, isva));
        Assert.False(FundingRule.Funds(grant, idva));
        Assert.Equal("Funded by the Lottery grant instead.", FundingRule.Of(grant, idva).Override!.Reason);
    }
}
