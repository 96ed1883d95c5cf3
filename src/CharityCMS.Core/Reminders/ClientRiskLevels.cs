using CharityCMS.Risk;
using Marten;

namespace CharityCMS.Reminders;

/// <summary>
/// Reads the current risk level of each client asked about, from the workspace's session. A client
/// missing from the answer has no known level, which reminders treat as "not high".
/// </summary>
/// <remarks>
/// Where the risk read model plugs in: the risk branch's <c>ClientRiskSummary</c> (one document per
/// ClientId with the current level) registers its own reader in <c>CharityDomain.AddCharityDomain</c>,
/// replacing <see cref="ClientRiskLevels.NotKnown"/>, for example
/// <c>services.AddSingleton&lt;CurrentRiskLevels&gt;(async (session, ids, ct) =&gt;
/// (await session.LoadManyAsync&lt;ClientRiskSummary&gt;(ct, ids)).ToDictionary(s =&gt; s.Id, s =&gt; s.Level))</c>.
/// </remarks>
public delegate Task<IReadOnlyDictionary<Guid, RiskLevel>> CurrentRiskLevels(
    IQuerySession workspace, IReadOnlyCollection<Guid> clientIds, CancellationToken ct);

public static class ClientRiskLevels
{
    /// <summary>The reader until the risk read model lands: every level unknown, so no case counts as high risk.</summary>
    public static readonly CurrentRiskLevels NotKnown =
        (_, _, _) => Task.FromResult<IReadOnlyDictionary<Guid, RiskLevel>>(new Dictionary<Guid, RiskLevel>());
}
