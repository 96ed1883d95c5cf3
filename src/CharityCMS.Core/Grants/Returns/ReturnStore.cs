using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.Marac;
using CharityCMS.Referrals;
using CharityCMS.Risk;
using Marten;

namespace CharityCMS.Grants.Returns;

/// <summary>
/// Reads a return's facts: only the fields it counts, through Select projections (never whole cases
/// with their contact logs), each query within the one workspace.
/// </summary>
internal static class ReturnStore
{
    /// <summary>
    /// The cases the grant might fund within a window: those under its services open in it or asked
    /// for by id, and those a manager overrode either way. A case under another service that no
    /// manager overrode is never funded, so it is not read. <see cref="FundingRule"/> decides.
    /// </summary>
    /// <remarks>
    /// In SQL rather than a LINQ Select: a case's document holds its whole contact log, stored
    /// compressed, and PostgreSQL decompresses it again for every field a query reads from it. The
    /// cases are chosen on the duplicated columns (service, opened_on, closed_on) before any
    /// document is touched; the inner query then strips each chosen case's logs once (OFFSET 0
    /// keeps the planner from merging it back), and every field is read from what is left.
    /// </remarks>
    public static async Task<IReadOnlyList<CaseFacts>> CandidateCasesAsync(IQuerySession session, Grant grant, DateOnly from, DateOnly to,
        IReadOnlyCollection<Guid> alsoIds, CancellationToken ct)
    {
        var services = grant.Terms.Services.Select(s => s.ToString()).ToArray();
        var overridden = grant.FundingOverrides.Select(o => o.CaseId).ToArray();
        var asked = alsoIds.Distinct().ToArray();
        var table = session.DocumentStore.Options.Schema.For<Case>();
        var sql = $"""
            select jsonb_build_object('id', c.id, 'clientId', c.data -> 'clientId', 'clientReference', c.data -> 'clientReference',
                'service', c.service, 'openedOn', c.opened_on, 'closedOn', c.closed_on,
                'abuseTypes', c.data -> 'abuseTypes', 'intakeOutcomes', c.data -> 'intakeOutcomes', 'exitOutcomes', c.data -> 'exitOutcomes')
            from (select d.id, d.service, d.opened_on, d.closed_on,
                         d.data - 'contacts' - 'incidents' - 'onwardReferrals' - 'safetyPlan' as data
                  from {table} as d
                  where d.tenant_id = ?
                    and (d.id = any(?)
                         or (d.service = any(?) and ((d.opened_on <= ? and (d.closed_on is null or d.closed_on >= ?)) or d.id = any(?))))
                  offset 0) as c
            """;
        return await session.AdvancedSql.QueryAsync<CaseFacts>(sql, ct, session.TenantId, overridden, services, to, from, asked);
    }

    /// <summary>Every fact the return and its KPIs count, from the grant's start to the return's end.</summary>
    public static async Task<ReturnFacts> FactsAsync(IQuerySession session, string charityName, Grant grant, DateOnly from, DateOnly to,
        DateTimeOffset now, CancellationToken ct)
    {
        var start = grant.Terms.StartsOn;
        var receivedFrom = UkCalendar.At(start, TimeOnly.MinValue);
        var receivedBefore = UkCalendar.At(to.AddDays(1), TimeOnly.MinValue);
        var referrals = await session.Query<Referral>()
            .Where(r => r.ReceivedAt >= receivedFrom && r.ReceivedAt < receivedBefore)
            .Select(r => new ReferralFacts { Id = r.Id, ReceivedAt = r.ReceivedAt, Status = r.Status, CaseId = r.CaseId, FirstContactAt = r.FirstContactAt })
            .ToListAsync(ct);
        // A referral accepted after the period ends opened its case after it too: read that case by id.
        var acceptedInto = referrals.Select(r => r.CaseId).OfType<Guid>().ToList();
        var cases = await CandidateCasesAsync(session, grant, start, to, acceptedInto, ct);

        var clientIds = cases.Select(c => c.ClientId).Distinct().ToArray();
        var clients = await session.Query<Client>()
            .Where(c => c.Id.IsOneOf(clientIds))
            .Select(c => new ClientFacts
            {
                Id = c.Id,
                DateOfBirth = c.Details.DateOfBirth,
                ApproximateAge = c.Details.ApproximateAge,
                AgeRecordedOn = c.AgeRecordedOn,
                Monitoring = c.Monitoring,
            })
            .ToListAsync(ct);
        var assessments = await session.Query<RiskAssessment>()
            .Where(a => a.ClientId.IsOneOf(clientIds) && a.Status == RiskAssessmentStatus.Completed && a.CompletedAt < receivedBefore)
            .Select(a => new AssessmentFacts { ClientId = a.ClientId, CompletedAt = a.CompletedAt, FinalLevel = a.FinalLevel })
            .ToListAsync(ct);
        var marac = await session.Query<MaracReferral>()
            .Where(m => m.ClientId.IsOneOf(clientIds) && m.ReferredOn >= start && m.ReferredOn <= to)
            .Select(m => new MaracFacts { ClientId = m.ClientId, ReferredOn = m.ReferredOn, Repeat = m.Repeat })
            .ToListAsync(ct);
        return new ReturnFacts(charityName, grant, from, to, now, cases, clients.ToList(), referrals.ToList(), assessments.ToList(), marac.ToList());
    }
}
