using JasperFx.Events.Projections;
using Marten;

namespace CharityCMS.Grants;

internal static class GrantStorage
{
    public static void Register(StoreOptions options)
    {
        options.Projections.Snapshot<Funder>(SnapshotLifecycle.Inline);
        options.Schema.For<Funder>().StartIndexesByTenantId().Duplicate(x => x.Name);
        options.Projections.Snapshot<Grant>(SnapshotLifecycle.Inline);
        options.Schema.For<Grant>()
            .StartIndexesByTenantId()
            .Duplicate(x => x.FunderId)
            .Duplicate(x => x.EndsOn)
            .Duplicate(x => x.IsDeleted);
        options.Schema.For<GrantFile>().StartIndexesByTenantId();
        options.Schema.For<Returns.FunderReturnTemplate>().StartIndexesByTenantId();
        options.Projections.Snapshot<Returns.CaseFacts>(SnapshotLifecycle.Inline);
        // What a return chooses a grant's cases on.
        options.Schema.For<Returns.CaseFacts>()
            .StartIndexesByTenantId()
            .Duplicate(x => x.Service)
            .Duplicate(x => x.OpenedOn)
            .Duplicate(x => x.ClosedOn!);
    }
}
