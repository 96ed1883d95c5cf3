using JasperFx.Events.Projections;
using Marten;

namespace CharityCMS.Cases;

internal static class CaseStorage
{
    public static void Register(StoreOptions options)
    {
        options.Projections.Snapshot<Case>(SnapshotLifecycle.Inline);
        options.Schema.For<Case>()
            .StartIndexesByTenantId()
            .Duplicate(x => x.ClientId)
            .Duplicate(x => x.WorkerId!)
            .Duplicate(x => x.Status);
        options.Schema.For<BreakGlassGrant>().StartIndexesByTenantId();
    }
}
