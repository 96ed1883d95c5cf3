using CharityCMS.Workspaces;
using Marten;

namespace CharityCMS.Audit;

/// <summary>Reads a workspace's audit trail. Managers only: it shows who looked at whom.</summary>
public sealed class AuditTrail(IDocumentStore store)
{
    public async Task<IReadOnlyList<AuditEntry>> ForSubjectAsync(WorkspaceAccess access, Guid subjectId, AuditAction action, int take, CancellationToken ct)
    {
        access.Require(WorkspaceRole.Manager, "see who viewed a record");
        await using var session = store.QuerySession(access.WorkspaceId);
        return await session.Query<AuditEntry>()
            .Where(x => x.SubjectId == subjectId && x.Action == action)
            .OrderByDescending(x => x.At)
            .Take(take)
            .ToListAsync(ct);
    }
}
