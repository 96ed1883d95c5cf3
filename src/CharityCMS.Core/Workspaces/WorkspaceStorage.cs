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
        // Optimistic concurrency: an admin's change and a first sign-in claiming the same invitation
        // cannot overwrite each other (nor bring back a member removed in between).
        options.Schema.For<Member>().SingleTenanted()
            .UseOptimisticConcurrency(true)
            .UniqueIndex(UniqueIndexType.Computed, "member_email_per_workspace", x => x.WorkspaceId, x => x.Email)
            .UniqueIndex(UniqueIndexType.Computed, "member_person_per_workspace", x => x.WorkspaceId, x => x.ObjectId!)
            .Index(x => x.ObjectId)
            .Index(x => x.Email);
    }
}
