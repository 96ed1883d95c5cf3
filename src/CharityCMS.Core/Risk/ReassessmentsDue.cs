using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.Settings;
using Marten;

namespace CharityCMS.Risk;

/// <summary>A client whose reassessment is due: ids and reference only, never her name.</summary>
public sealed record ReassessmentReminder(Guid ClientId, string ClientReference, RiskLevel Level, ReassessmentDue Due, bool HasOpenCase);

public static class ReassessmentsDue
{
    /// <summary>
    /// Clients of one workspace whose reassessment falls on or before <paramref name="onOrBefore"/>,
    /// earliest first, in a session already opened for that workspace. For reminder jobs, which
    /// run without a signed-in member and pass ids onwards.
    /// </summary>
    /// <param name="onlyFor">Only these clients (a caseload); null for the whole workspace.</param>
    public static async Task<IReadOnlyList<ReassessmentReminder>> OnOrBeforeAsync(IQuerySession session, DateOnly onOrBefore, CancellationToken ct, IReadOnlyCollection<Guid>? onlyFor = null)
    {
        var query = session.Query<RiskAssessment>().Where(a => a.Status == RiskAssessmentStatus.Completed);
        if (onlyFor is not null)
        {
            var only = onlyFor.ToArray();
            query = query.Where(a => a.ClientId.IsOneOf(only));
        }
        var completed = await query.ToListAsync(ct);
        var latest = completed.GroupBy(a => a.ClientId).Select(g => g.MaxBy(a => a.CompletedAt)!).ToList();
        if (latest.Count == 0) return [];
        var clientIds = latest.Select(a => a.ClientId).ToArray();
        var cases = (await session.Query<Case>().Where(c => c.ClientId.IsOneOf(clientIds)).ToListAsync(ct)).ToLookup(c => c.ClientId);
        var references = (await session.LoadManyAsync<Client>(ct, clientIds)).ToDictionary(c => c.Id, c => c.Reference);
        var settings = await CaseworkSettingsStore.ReadAsync(session, ct);

        return latest
            .Select(a => (Assessment: a, Due: Reassessment.DueFor(a, cases[a.ClientId].SelectMany(c => c.Incidents), settings)))
            .Where(x => x.Due is not null && x.Due.On <= onOrBefore && references.ContainsKey(x.Assessment.ClientId))
            .Select(x => new ReassessmentReminder(x.Assessment.ClientId, references[x.Assessment.ClientId], x.Assessment.FinalLevel, x.Due!,
                cases[x.Assessment.ClientId].Any(c => c.IsOpen)))
            .OrderBy(r => r.Due.On)
            .ToList();
    }
}
