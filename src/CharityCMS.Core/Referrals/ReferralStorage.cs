using JasperFx.Events.Projections;
using Marten;

namespace CharityCMS.Referrals;

internal static class ReferralStorage
{
    public static void Register(StoreOptions options)
    {
        options.Projections.Snapshot<Referral>(SnapshotLifecycle.Inline);
        // The queue filters on status and sorts on the date received, always within one workspace.
        options.Schema.For<Referral>()
            .StartIndexesByTenantId()
            .Duplicate(x => x.Status)
            .Index(x => x.ReceivedAt);
    }
}
