using JasperFx.Events.Projections;
using Marten;

namespace CharityCMS.Risk;

internal static class RiskStorage
{
    public static void Register(StoreOptions options)
    {
        options.Projections.Snapshot<RiskAssessment>(SnapshotLifecycle.Inline);
        options.Schema.For<RiskAssessment>()
            .StartIndexesByTenantId()
            .Duplicate(x => x.ClientId);
        options.Schema.For<OpenRiskDraft>();
    }
}
