using JasperFx.Events.Projections;
using Marten;
using Marten.Schema;
using Marten.Schema.Indexing.Unique;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace CharityCMS.Clients;

internal static class ClientStorage
{
    public static void Register(StoreOptions options)
    {
        options.Projections.Snapshot<Client>(SnapshotLifecycle.Inline);

        // Every client query filters on the workspace first, so sorts lead with tenant_id; the
        // search matches anywhere in a name or number, which a trigram index serves.
        options.Storage.ExtendedSchemaObjects.Add(new Extension("pg_trgm"));
        options.Schema.For<Client>()
            .StartIndexesByTenantId()
            .UniqueIndex(UniqueIndexType.Computed, "client_reference_per_workspace", TenancyScope.PerTenant, x => x.Reference)
            .Index(x => x.SortName)
            .Index(x => x.RegisteredAt)
            .Duplicate(x => x.SearchText, configure: index =>
            {
                index.Method = IndexMethod.gin;
                index.Mask = "? gin_trgm_ops";
            });
        options.Storage.ExtendedSchemaObjects.Add(ClientReferences.CounterTable(options.DatabaseSchemaName));
    }
}
