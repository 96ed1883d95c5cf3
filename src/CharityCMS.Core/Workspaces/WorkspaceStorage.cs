using Marten;
using Marten.Schema;
using Marten.Schema.Indexing.Unique;

namespace CharityCMS.Workspaces;

internal static class WorkspaceStorage
{
    public static void Register(StoreOptions options)
    {
        // Platform-wide documents: sign-in has to find a person's workspaces before any tenant is known.
        options.Schema.For<Workspace>().SingleTenanted();
        options.Schema.For<WorkspaceChoice>().SingleTenanted();
        options.Schema.For<Member>().SingleTenanted()
            .UniqueIndex(UniqueIndexType.Computed, "member_email_per_workspace", x => x.WorkspaceId, x => x.Email)
            .Index(x => x.ObjectId)
            .Index(x => x.Email);
    }
}
