using CharityCMS.Workspaces;
using Marten;

namespace CharityCMS.TestSupport;

/// <summary>A workspace made for a test, and members in it with whatever roles the test needs.</summary>
public sealed class TestWorkspace(IDocumentStore store, Workspace workspace)
{
    public string Id => workspace.Id;
    public string Name => workspace.Name;

    public static async Task<TestWorkspace> CreateAsync(IDocumentStore store, string? slug = null, string prefix = "TST")
    {
        slug ??= "ws-" + Guid.NewGuid().ToString("N")[..10];
        var workspace = new Workspace(slug, $"Test charity {slug}", prefix, DateTimeOffset.UtcNow, "test");
        await using var session = store.LightweightSession();
        session.Store(workspace);
        await session.SaveChangesAsync();
        return new TestWorkspace(store, workspace);
    }

    /// <summary>Adds a member who has already signed in once, and returns her access as the app would resolve it.</summary>
    public async Task<(Member Member, WorkspaceAccess Access)> AddMemberAsync(string name, params WorkspaceRole[] roles)
    {
        var handle = new string(name.ToLowerInvariant().Where(char.IsAsciiLetter).ToArray());
        var member = new Member(Guid.NewGuid(), Id, $"{handle}.{Guid.NewGuid():N}@{Id}.example", name, roles, DateTimeOffset.UtcNow, "test",
            ObjectId: "oid-" + Guid.NewGuid().ToString("N"), JoinedAt: DateTimeOffset.UtcNow);
        await using var session = store.LightweightSession();
        session.Store(member);
        await session.SaveChangesAsync();
        return (member, new WorkspaceAccess(Id, Name, member.AsStaff(), roles.ToHashSet()));
    }

    public async Task<WorkspaceAccess> AccessAsync(params WorkspaceRole[] roles) =>
        (await AddMemberAsync(string.Join(" ", roles.Select(r => r.ToString())) + " Tester", roles)).Access;
}
