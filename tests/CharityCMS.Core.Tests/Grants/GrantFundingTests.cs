using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.Grants;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;

namespace CharityCMS.Core.Tests.Grants;

public class GrantFundingTests : GrantDatabase
{
    private GrantFunding Funding => Get<GrantFunding>();

    private async Task<(Guid CaseId, string Reference)> CaseAsync(CaseService service, DateOnly opened, DateOnly? closed = null)
    {
        var client = await Get<RegisterClientHandler>().HandleAsync(Manager, SampleClients.Registration(), default);
        var caseId = await Get<OpenCaseHandler>().HandleAsync(Manager, new OpenCase(client.ClientId, service, null, opened), default);
        if (closed is { } day)
            await Get<CloseCaseHandler>().HandleAsync(Manager, new CloseCase(caseId, 1, CaseClosureReason.SupportCompleted, null, day, null), default);
        return (caseId, client.Reference);
    }

    /// <summary>An IDVA grant for 1 April to 30 September 2026.</summary>
    private Task<Grant> HalfYearGrantAsync() => RecordAsync(Form(endsOn: new DateOnly(2026, 9, 30)));

    [Fact]
    public async Task The_funded_cases_are_those_of_the_grants_services_open_during_its_period()
    {
        var grant = await HalfYearGrantAsync();
        var inside = await CaseAsync(CaseService.Idva, new DateOnly(2026, 5, 1));
        await CaseAsync(CaseService.Isva, new DateOnly(2026, 5, 1));
        await CaseAsync(CaseService.Idva, new DateOnly(2026, 1, 10), new DateOnly(2026, 3, 31));
        var closedOnTheFirstDay = await CaseAsync(CaseService.Idva, new DateOnly(2026, 1, 10), new DateOnly(2026, 4, 1));
        var openedOnTheLastDay = await CaseAsync(CaseService.Idva, new DateOnly(2026, 9, 30));
        await CaseAsync(CaseService.Idva, new DateOnly(2026, 10, 1));

        var funded = await Funding.CasesFundedAsync(Manager, grant.Id, default);

        Assert.Equal([closedOnTheFirstDay.CaseId, inside.CaseId, openedOnTheLastDay.CaseId], funded.Select(f => f.CaseId));
        Assert.All(funded, f => Assert.False(f.ByOverride));
        Assert.Equal((closedOnTheFirstDay.Reference, CaseService.Idva, new DateOnly(2026, 4, 1)), (funded[0].ClientReference, funded[0].Service, funded[0].ClosedOn));
    }

    [Fact]
    public async Task A_client_reference_finds_her_cases_the_grant_leaves_out_and_none_of_anyone_else()
    {
        var grant = await HalfYearGrantAsync();
        var isva = await CaseAsync(CaseService.Isva, new DateOnly(2026, 5, 1));
        await CaseAsync(CaseService.Isva, new DateOnly(2026, 5, 2));

        var found = await Funding.CasesNotFundedAsync(Manager, grant.Id, $" {isva.Reference.ToLowerInvariant()} ", default);

        Assert.Equal([isva.CaseId], found.Select(f => f.CaseId));
        await Funding.OverrideAsync(Manager, grant.Id, isva.CaseId, true, "Her ISVA support is part of the IDVA pathway here.", default);
        Assert.Empty(await Funding.CasesNotFundedAsync(Manager, grant.Id, isva.Reference, default));
        Assert.Empty(await Funding.CasesNotFundedAsync(Manager, grant.Id, "RWA-999999", default));
    }

    [Fact]
    public async Task A_manager_includes_a_case_the_rule_leaves_out_and_excludes_one_it_includes_with_a_reason_and_can_clear_it()
    {
        var grant = await HalfYearGrantAsync();
        var idva = await CaseAsync(CaseService.Idva, new DateOnly(2026, 5, 1));
        var isva = await CaseAsync(CaseService.Isva, new DateOnly(2026, 6, 1));

        await Funding.OverrideAsync(Manager, grant.Id, isva.CaseId, true, "Covered by the IDVA post while the ISVA was away.", default);
        await Funding.OverrideAsync(Manager, grant.Id, idva.CaseId, false, "Paid for by the Lottery grant instead.", default);

        var funded = Assert.Single(await Funding.CasesFundedAsync(Manager, grant.Id, default));
        Assert.Equal((isva.CaseId, true, "Covered by the IDVA post while the ISVA was away."), (funded.CaseId, funded.ByOverride, funded.Reason));

        await Funding.ClearOverrideAsync(Manager, grant.Id, idva.CaseId, default);
        Assert.Equal([idva.CaseId, isva.CaseId], (await Funding.CasesFundedAsync(Manager, grant.Id, default)).Select(f => f.CaseId));

        var history = (await Grants.HistoryAsync(Manager, grant.Id, default)).Take(3).Select(h => (h.What, h.Detail)).ToList();
        Assert.Equal(
        [
            ("Case back to the funding rule", idva.Reference),
            ("Case excluded from the grant", $"{idva.Reference}: Paid for by the Lottery grant instead."),
            ("Case included in the grant", $"{isva.Reference}: Covered by the IDVA post while the ISVA was away."),
        ], history);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Too short")]
    public async Task An_override_needs_a_reason_of_10_to_500_characters(string reason)
    {
        var grant = await HalfYearGrantAsync();
        var isva = await CaseAsync(CaseService.Isva, new DateOnly(2026, 6, 1));

        await Assert.ThrowsAsync<GrantRuleException>(() => Funding.OverrideAsync(Manager, grant.Id, isva.CaseId, true, reason, default));
        await Assert.ThrowsAsync<GrantRuleException>(() => Funding.OverrideAsync(Manager, grant.Id, isva.CaseId, true, new string('x', 501), default));
        Assert.Empty(await Funding.CasesFundedAsync(Manager, grant.Id, default));
    }

    [Fact]
    public async Task Overriding_to_what_the_rule_already_says_is_refused()
    {
        var grant = await HalfYearGrantAsync();
        var idva = await CaseAsync(CaseService.Idva, new DateOnly(2026, 5, 1));

        var refused = await Assert.ThrowsAsync<GrantRuleException>(() => Funding.OverrideAsync(Manager, grant.Id, idva.CaseId, true, "It is an IDVA case in the period.", default));
        Assert.Contains("already", refused.Message);
    }

    [Fact]
    public async Task Caseworkers_can_neither_see_nor_change_which_cases_a_grant_funds()
    {
        var grant = await HalfYearGrantAsync();
        var isva = await CaseAsync(CaseService.Isva, new DateOnly(2026, 6, 1));

        await Assert.ThrowsAsync<AccessDeniedException>(() => Funding.CasesFundedAsync(Caseworker, grant.Id, default));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Funding.OverrideAsync(Caseworker, grant.Id, isva.CaseId, true, "Covered by the IDVA post.", default));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Funding.ClearOverrideAsync(Caseworker, grant.Id, isva.CaseId, default));
    }
}
