using CharityCMS.Clients;
using CharityCMS.Referrals;
using CharityCMS.Risk;
using CharityCMS.Workspaces;
using Marten;

namespace CharityCMS.Cases;

/// <summary>The next thing due on a case: what it is and when.</summary>
public sealed record CaseloadDue(string What, DateOnly On);

/// <summary>One open case on a caseload, as the worker scans it.</summary>
public sealed record CaseloadRow(
    Guid CaseId,
    Guid ClientId,
    string ClientReference,
    string ClientName,
    CaseService Service,
    StaffMember? Worker,
    DateOnly OpenedOn,
    RiskLevel? Risk,
    CaseloadDue? NextDue,
    int? DaysSinceContact)
{
    public bool IsOverdue(DateOnly today) => NextDue is { } due && due.On < today;
}

/// <summary>Where a worker's high-risk cases taken on in the last 12 months stand against the guidance for a full-time IDVA.</summary>
public enum HighRiskGuidance
{
    BelowGuidance,

    /// <summary>Within the 60 to 70 a year the guidance gives: at capacity, so new high-risk cases are better shared out.</summary>
    AtGuidance,
    AboveGuidance,
}

/// <summary>One worker's line on the team caseload.</summary>
public sealed record WorkerCaseload(StaffMember Worker, int OpenCases, int HighRiskOpen, int HighRiskTakenThisYear, int Overdue)
{
    public HighRiskGuidance Guidance => HighRiskTakenThisYear switch
    {
        > Caseloads.HighRiskCasesPerYearGuidanceTo => HighRiskGuidance.AboveGuidance,
        >= Caseloads.HighRiskCasesPerYearGuidanceFrom => HighRiskGuidance.AtGuidance,
        _ => HighRiskGuidance.BelowGuidance,
    };
}

/// <summary>
/// The team's caseload, for managers: per worker; the cases waiting for a worker (or whose worker
/// has left the team); and the referrals still waiting for triage.
/// </summary>
public sealed record TeamCaseload(IReadOnlyList<WorkerCaseload> Workers, IReadOnlyList<CaseloadRow> Unallocated, ReferralCounts Referrals);

/// <summary>
/// The caseload screens' reads. The level of risk and the reassessment due date come from the
/// client's risk summary; safety plan reviews from the case.
/// </summary>
public sealed class Caseloads(IDocumentStore store, CaseWorkers workers, ReferralQueue referrals, TimeProvider clock)
{
    /// <summary>The guidance is 60 to 70 high-risk cases a year for a full-time IDVA.</summary>
    public const int HighRiskCasesPerYearGuidanceFrom = 60;

    public const int HighRiskCasesPerYearGuidanceTo = 70;

    public async Task<IReadOnlyList<CaseloadRow>> MineAsync(WorkspaceAccess access, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "see a caseload");
        await using var session = store.QuerySession(access.WorkspaceId);
        var memberId = access.Member.Id;
        var open = await session.Query<Case>().Where(c => c.WorkerId == memberId && c.Status == CaseStatus.Open).ToListAsync(ct);
        return await RowsAsync(session, open, ct);
    }

    public async Task<TeamCaseload> TeamAsync(WorkspaceAccess access, CancellationToken ct)
    {
        access.Require(WorkspaceRole.Manager, "see the team's caseload");
        await using var session = store.QuerySession(access.WorkspaceId);
        var open = await session.Query<Case>().Where(c => c.Status == CaseStatus.Open).ToListAsync(ct);
        var rows = await RowsAsync(session, open, ct);
        var today = UkCalendar.Today(clock);
        var yearAgo = today.AddYears(-1);
        var takenThisYear = await session.Query<Case>()
            .Where(c => c.WorkerId != null && c.OpenedOn >= yearAgo)
            .Select(c => new TakenOn(c.WorkerId, c.ClientId))
            .ToListAsync(ct);
        var risks = await RiskLevels.CurrentAsync(session, takenThisYear.Select(c => c.ClientId).Distinct().ToList(), ct);

        var team = await workers.AllAsync(access.WorkspaceId, ct);
        var lines = team
            .Select(worker =>
            {
                var hers = rows.Where(r => r.Worker?.Id == worker.Id).ToList();
                var highThisYear = takenThisYear.Where(c => c.WorkerId == worker.Id && risks.GetValueOrDefault(c.ClientId) == RiskLevel.High)
                    .Select(c => c.ClientId).Distinct().Count();
                return new WorkerCaseload(worker, hers.Count, hers.Count(r => r.Risk == RiskLevel.High), highThisYear, hers.Count(r => r.IsOverdue(today)));
            })
            .ToList();
        // A case whose worker has left the team (or no longer works with clients) is as unallocated as one never allocated.
        var teamIds = team.Select(w => w.Id).ToHashSet();
        var waiting = rows.Where(r => r.Worker is null || !teamIds.Contains(r.Worker.Id)).OrderBy(r => r.OpenedOn).ToList();
        return new TeamCaseload(lines, waiting, await referrals.CountsAsync(access, ct));
    }

    private async Task<IReadOnlyList<CaseloadRow>> RowsAsync(IQuerySession session, IReadOnlyList<Case> cases, CancellationToken ct)
    {
        var clientIds = cases.Select(c => c.ClientId).Distinct().ToList();
        var clients = (await session.LoadManyAsync<Client>(ct, clientIds)).ToDictionary(c => c.Id);
        var risks = await RiskLevels.CurrentAsync(session, clientIds, ct);
        var reassessments = (await ReassessmentsDue.OnOrBeforeAsync(session, DateOnly.MaxValue, ct, clientIds)).ToDictionary(r => r.ClientId, r => r.Due.On);
        var maracActions = (await Marac.MaracBoard.OpenActionsDueAsync(session, DateOnly.MaxValue, ct))
            .GroupBy(a => a.ClientId).ToDictionary(g => g.Key, g => g.Min(a => a.Action.DueOn));
        // Calendar days in London, as the worker counts them: a call at 17:00 yesterday was "1 day ago" at 09:00 today.
        var today = UkCalendar.Today(clock);
        return cases
            .Where(c => clients.ContainsKey(c.ClientId))
            .Select(c => new CaseloadRow(c.Id, c.ClientId, c.ClientReference, clients[c.ClientId].DisplayName, c.Service, c.Worker, c.OpenedOn,
                risks.TryGetValue(c.ClientId, out var risk) ? risk : null,
                NextDue(c, reassessments.TryGetValue(c.ClientId, out var reassess) ? reassess : null,
                    maracActions.TryGetValue(c.ClientId, out var action) ? action : null),
                c.LastContactAt is { } last ? today.DayNumber - UkCalendar.DateOf(last).DayNumber : null))
            .OrderByDescending(r => r.Risk)
            .ThenBy(r => r.NextDue?.On ?? DateOnly.MaxValue)
            .ToList();
    }

    private sealed record TakenOn(Guid? WorkerId, Guid ClientId);

    /// <summary>The earliest of the safety plan review, the risk reassessment and the client's MARAC actions.</summary>
    private static CaseloadDue? NextDue(Case c, DateOnly? reassessment, DateOnly? maracAction) =>
        new[]
        {
            c.NextSafetyPlanReviewOn is { } review ? new CaseloadDue("Safety plan review", review) : null,
            reassessment is { } reassess ? new CaseloadDue("Risk reassessment", reassess) : null,
            maracAction is { } action ? new CaseloadDue("MARAC action", action) : null,
        }.OfType<CaseloadDue>().MinBy(d => d.On);
}
