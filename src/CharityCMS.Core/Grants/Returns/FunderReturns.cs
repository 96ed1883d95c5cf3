using CharityCMS.Workspaces;
using Marten;

namespace CharityCMS.Grants.Returns;

/// <summary>Computes a grant's return for a period from the casework. Managers only.</summary>
public sealed class FunderReturns(IDocumentStore store, ReturnTemplates templates, TimeProvider clock)
{
    public async Task<FunderReturn> ComputeAsync(WorkspaceAccess access, Guid grantId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        access.Require(WorkspaceRole.Manager, "compute funder returns");
        if (to < from) throw new GrantRuleException("The period must end on or after the day it starts.");
        await using var session = store.QuerySession(access.WorkspaceId);
        var grant = await session.LoadAsync<Grant>(grantId, ct) is { IsDeleted: false } live ? live : throw new GrantNotFoundException();
        if (!grant.Terms.Covers(from) || !grant.Terms.Covers(to))
            throw new GrantRuleException($"A return's period must fall within the grant, {grant.Terms.StartsOn:d MMM yyyy} to {grant.Terms.EndsOn:d MMM yyyy}.");
        var facts = await ReturnStore.FactsAsync(session, access.WorkspaceName, grant, from, to, clock.GetUtcNow(), ct);
        return ReturnCounting.Compute(facts);
    }

    /// <summary>
    /// The return as the funder receives it: computed, then shaped by the funder's template. The
    /// page and every export call this one, so they show the same sections and numbers.
    /// </summary>
    public async Task<FunderReturn> PublishAsync(WorkspaceAccess access, Guid grantId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var computed = await ComputeAsync(access, grantId, from, to, ct);
        await using var session = store.QuerySession(access.WorkspaceId);
        var funderId = (await session.LoadAsync<Grant>(grantId, ct))!.FunderId;
        return ReturnTemplates.Apply(computed, await templates.GetAsync(access, funderId, ct));
    }
}
