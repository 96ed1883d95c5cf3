using JasperFx.Events.Projections;
using Marten;

namespace CharityCMS.Marac;

internal static class MaracStorage
{
    public static void Register(StoreOptions options)
    {
        options.Projections.Snapshot<MaracReferral>(SnapshotLifecycle.Inline);
        options.Schema.For<MaracReferral>()
            .StartIndexesByTenantId()
            .Duplicate(x => x.ClientId)
            .Duplicate(x => x.MeetingOn)
            .Duplicate(x => x.NextActionDueOn!)
            .Duplicate(x => x.AwaitingOutcome);
    }
}
