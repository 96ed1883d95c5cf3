using Marten;

namespace CharityCMS.Audit;

internal static class AuditStorage
{
    public static void Register(StoreOptions options)
    {
        options.Schema.For<AuditEntry>()
            .StartIndexesByTenantId()
            .Index(x => x.SubjectId)
            .Index(x => x.At);
    }
}
