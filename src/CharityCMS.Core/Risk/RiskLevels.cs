using Marten;

namespace CharityCMS.Risk;

/// <summary>Each client's level now: the final level of her latest completed assessment. For caseloads and reminders.</summary>
public static class RiskLevels
{
    /// <returns>The level of each client asked about who has a completed assessment; the others are not assessed.</returns>
    public static async Task<IReadOnlyDictionary<Guid, RiskLevel>> CurrentAsync(IQuerySession session, IReadOnlyCollection<Guid> clientIds, CancellationToken ct)
    {
        if (clientIds.Count == 0) return new Dictionary<Guid, RiskLevel>();
        var ids = clientIds.ToArray();
        var completed = await session.Query<RiskAssessment>()
            .Where(a => a.Status == RiskAssessmentStatus.Completed && a.ClientId.IsOneOf(ids))
            .ToListAsync(ct);
        return completed.GroupBy(a => a.ClientId).ToDictionary(g => g.Key, g => g.MaxBy(a => a.CompletedAt)!.FinalLevel);
    }
}
