using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.Marac;
using CharityCMS.Referrals;
using CharityCMS.Risk;
using Marten;

namespace CharityCMS.Grants.Returns;

/// <summary>
/// Reads a return's facts: only the fields it counts, through Select projections or the small
/// <see cref="CaseFacts"/> (never whole cases with their contact logs), each query within the one workspace.
/// </summary>
internal static class ReturnStore
{
    /// <summary>
    /// The cases the grant might fund within a window: those under its services open in it or asked
    /// for by id, and those a manager overrode either way. A case under another service that no
    /// manager overrode is never funded, so it is not read. <see cref="FundingRule"/> decides.
    /// </summary>
    public static async Task<IReadOnlyList<CaseFacts>> CandidateCasesAsync(IQuerySession session, Grant grant, DateOnly from, DateOnly to,
        IReadOnlyCollection<Guid> alsoIds, CancellationToken ct)
    {
        var services = grant.Terms.Services.ToArray();
        var overridden = grant.FundingOverrides.Select(o => o.CaseId).ToArray();
        var asked = alsoIds.Distinct().ToArray();
        return await session.Query<CaseFacts>()
            .Where(c => c.Id.IsOneOf(overridden)
                || (c.Service.IsOneOf(services) && ((c.OpenedOn <= to && (c.ClosedOn == null || c.ClosedOn >= from)) || c.Id.IsOneOf(asked))))
            .ToListAsync(ct);
    }

    /// <summary>Every fact the return and its KPIs count, from the grant's start to the return's end.</summary>
    public static async Task<ReturnFacts> FactsAsync(IQuerySession session, string charityName, Grant grant, DateOnly from, DateOnly to,
        DateTimeOffset now, CancellationToken ct)
    {
        var start = grant.Terms.StartsOn;
        var receivedFrom = UkCalendar.At(start, TimeOnly.MinValue);
        var receivedBefore = UkCalendar.At(to.AddDays(1), TimeOnly.MinValue);
        var referrals = await ReferralsReceivedAsync(session, receivedFrom, receivedBefore, ct);
        // A referral accepted after the period ends opened its case after it too: read that case by id.
        var acceptedInto = referrals.Select(r => r.CaseId).OfType<Guid>().ToList();
        var cases = await CandidateCasesAsync(session, grant, start, to, acceptedInto, ct);

        // Her details, assessments and MARAC referrals are independent reads: side by side, each in
        // its own session, so a second core serves one while the first serves another.
        var clientIds = cases.Select(c => c.ClientId).Distinct().ToArray();
        var clients = ReadAsync(session, s => s.Query<Client>()
            .Where(c => c.Id.IsOneOf(clientIds))
            .Select(c => new ClientFacts
            {
                Id = c.Id,
                DateOfBirth = c.Details.DateOfBirth,
                ApproximateAge = c.Details.ApproximateAge,
                AgeRecordedOn = c.AgeRecordedOn,
                Monitoring = c.Monitoring,
            })
            .ToListAsync(ct));
        var assessments = ReadAsync(session, s => s.Query<RiskAssessment>()
            .Where(a => a.ClientId.IsOneOf(clientIds) && a.Status == RiskAssessmentStatus.Completed && a.CompletedAt < receivedBefore)
            .Select(a => new AssessmentFacts { ClientId = a.ClientId, CompletedAt = a.CompletedAt, FinalLevel = a.FinalLevel })
            .ToListAsync(ct));
        var marac = ReadAsync(session, s => s.Query<MaracReferral>()
            .Where(m => m.ClientId.IsOneOf(clientIds) && m.ReferredOn >= start && m.ReferredOn <= to)
            .Select(m => new MaracFacts { ClientId = m.ClientId, ReferredOn = m.ReferredOn, Repeat = m.Repeat })
            .ToListAsync(ct));
        await Task.WhenAll(clients, assessments, marac);
        return new ReturnFacts(charityName, grant, from, to, now, cases, clients.Result.ToList(), referrals.ToList(), assessments.Result.ToList(), marac.Result.ToList());
    }

    /// <summary>One read in a session of its own, in the same workspace.</summary>
    private static async Task<T> ReadAsync<T>(IQuerySession workspace, Func<IQuerySession, Task<T>> read)
    {
        await using var session = workspace.DocumentStore.QuerySession(workspace.TenantId);
        return await read(session);
    }

    /// <remarks>
    /// In SQL rather than a LINQ Select: it reads each field as stored instead of converting it in
    /// PostgreSQL, which costs a third of this query over a year's referrals. The range is still
    /// the indexed expression Marten made for <see cref="Referral.ReceivedAt"/>.
    /// </remarks>
    private static async Task<IReadOnlyList<ReferralFacts>> ReferralsReceivedAsync(IQuerySession session, DateTimeOffset from, DateTimeOffset before,
        CancellationToken ct)
    {
        var table = session.DocumentStore.Options.Schema.For<Referral>();
        var schema = table[..table.IndexOf('.')];
        var sql = $"""
            select jsonb_build_object('id', d.id, 'status', d.status, 'caseId', d.data -> 'caseId',
                                      'receivedAt', d.data -> 'receivedAt', 'firstContactAt', d.data -> 'firstContactAt')
            from {table} as d
            where d.tenant_id = ?
              and {schema}.mt_immutable_timestamptz(d.data ->> 'receivedAt') >= ?
              and {schema}.mt_immutable_timestamptz(d.data ->> 'receivedAt') < ?
            """;
        // Npgsql writes only UTC instants; London summer times come in at +01:00.
        return await session.AdvancedSql.QueryAsync<ReferralFacts>(sql, ct, session.TenantId, from.ToUniversalTime(), before.ToUniversalTime());
    }
}
