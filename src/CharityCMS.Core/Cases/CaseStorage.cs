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
            .Duplicate(x => x.Status)
            // What a funder return filters on, so it picks a grant's cases in a period without
            // decompressing every case's document (and contact log) in the workspace.
            .Duplicate(x => x.Service)
            .Duplicate(x => x.OpenedOn)
            .Duplicate(x => x.ClosedOn!);
        options.Schema.For<BreakGlassGrant>().StartIndexesByTenantId();
    }
}
