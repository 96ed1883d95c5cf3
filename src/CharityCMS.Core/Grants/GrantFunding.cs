using CharityCMS.Cases;
using CharityCMS.Grants.Returns;
using CharityCMS.Workspaces;
using Marten;

namespace CharityCMS.Grants;

/// <summary>A case a grant funds, and why: by the rule, or by a manager's override with its reason.</summary>
public sealed record FundedCase(Guid CaseId, string ClientReference, CaseService Service, DateOnly OpenedOn, DateOnly? ClosedOn, bool ByOverride, string? Reason);

/// <summary>Which cases a grant funds, and the managers' overrides of the rule. Managers only.</summary>
public sealed class GrantFunding(IDocumentStore store, GrantStreams streams)
{
    public async Task<IReadOnlyList<FundedCase>> CasesFundedAsync(WorkspaceAccess access, Guid grantId, CancellationToken ct)
    {
        access.Require(WorkspaceRole.Manager, "see which cases a grant funds");
        await using var session = store.QuerySession(access.WorkspaceId);
        var grant = await session.LoadAsync<Grant>(grantId, ct) is { IsDeleted: false } live ? live : throw new GrantNotFoundException();
        var cases = await ReturnStore.CandidateCasesAsync(session, grant, grant.Terms.StartsOn, grant.Terms.EndsOn, [], ct);
        return cases
            .Select(c => (Case: c, Funding: FundingRule.Of(grant, c.Funding)))
            .Where(x => x.Funding.Funded)
            .Select(x => new FundedCase(x.Case.Id, x.Case.ClientReference, x.Case.Service, x.Case.OpenedOn, x.Case.ClosedOn, x.Funding.ByOverride, x.Funding.Override?.Reason))
            .OrderBy(f => f.OpenedOn).ThenBy(f => f.ClientReference, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The cases of the client with this reference that the grant does not fund, for a manager who
    /// wants to include one. By reference only: a name search belongs to the client pages.
    /// </summary>
    public async Task<IReadOnlyList<FundedCase>> CasesNotFundedAsync(WorkspaceAccess access, Guid grantId, string clientReference, CancellationToken ct)
    {
        access.Require(WorkspaceRole.Manager, "see which cases a grant funds");
        var reference = Text.Tidy(clientReference ?? "").ToUpperInvariant();
        await using var session = store.QuerySession(access.WorkspaceId);
        var grant = await session.LoadAsync<Grant>(grantId, ct) is { IsDeleted: false } live ? live : throw new GrantNotFoundException();
        var cases = await session.Query<CaseFacts>().Where(c => c.ClientReference == reference).ToListAsync(ct);
        return cases
            .Where(c => !FundingRule.Of(grant, c.Funding).Funded)
            .Select(c => new FundedCase(c.Id, c.ClientReference, c.Service, c.OpenedOn, c.ClosedOn, false, null))
            .OrderBy(c => c.OpenedOn)
            .ToList();
    }

    /// <summary>Counts the case as funded (or not) by the grant whatever the rule says, with the manager's reason.</summary>
    public async Task<Grant> OverrideAsync(WorkspaceAccess access, Guid grantId, Guid caseId, bool funded, string reason, CancellationToken ct)
    {
        access.Require(WorkspaceRole.Manager, "change which cases a grant funds");
        FundingFacts @case;
        await using (var session = store.QuerySession(access.WorkspaceId))
        {
            @case = (await session.LoadAsync<CaseFacts>(caseId, ct) ?? throw new CaseNotFoundException()).Funding;
        }
        return await streams.AppendAsync(access, grantId, null, d => GrantDecisions.OverrideCaseFunding(d, @case, funded, reason), ct);
    }

    /// <summary>The case goes back to the rule.</summary>
    public Task<Grant> ClearOverrideAsync(WorkspaceAccess access, Guid grantId, Guid caseId, CancellationToken ct) =>
        streams.AppendAsync(access, grantId, null, d => GrantDecisions.ClearCaseFundingOverride(d, caseId), ct);
}
