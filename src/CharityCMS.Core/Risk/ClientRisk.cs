using CharityCMS.Audit;
using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.Marac;
using CharityCMS.Settings;
using CharityCMS.Workspaces;
using Marten;

namespace CharityCMS.Risk;

public sealed record RiskAssessmentView(RiskAssessment Assessment, string ClientReference);

/// <summary>Reads a client's risk: her summary and single assessments, for members who may reach her.</summary>
public sealed class ClientRisk(IDocumentStore store, CaseloadGuard guard, TimeProvider clock)
{
    /// <summary>The client's risk summary. Throws when she is not in the workspace or not on the member's caseload.</summary>
    public async Task<ClientRiskSummary> SummaryAsync(WorkspaceAccess access, Guid clientId, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "see risk assessments");
        await using var session = store.QuerySession(access.WorkspaceId);
        if (!await session.Query<Client>().AnyAsync(c => c.Id == clientId, ct)) throw new ClientNotFoundException();
        await guard.RequireAsync(session, access, clientId, ct);
        return await ReadAsync(session, clientId, UkCalendar.Today(clock), ct);
    }

    /// <summary>One assessment, or null when there is none with that id in the workspace.</summary>
    public async Task<RiskAssessment?> AssessmentAsync(WorkspaceAccess access, Guid assessmentId, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "see risk assessments");
        await using var session = store.QuerySession(access.WorkspaceId);
        var assessment = await session.LoadAsync<RiskAssessment>(assessmentId, ct);
        if (assessment is null) return null;
        await guard.RequireAsync(session, access, assessment.ClientId, ct);
        return assessment;
    }

    /// <summary>
    /// One assessment with the client's reference, for the read-only page, with every answer. The
    /// opening is written to the audit trail (the client as subject, the assessment's id as detail)
    /// and committed first: if that fails, nothing is returned. Null when there is no such assessment.
    /// </summary>
    public async Task<RiskAssessmentView?> ViewAsync(WorkspaceAccess access, Guid assessmentId, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "see risk assessments");
        await using var session = store.LightweightSession(access.WorkspaceId);
        var assessment = await session.LoadAsync<RiskAssessment>(assessmentId, ct);
        if (assessment is null) return null;
        await guard.RequireAsync(session, access, assessment.ClientId, ct);
        var client = await session.LoadAsync<Client>(assessment.ClientId, ct) ?? throw new ClientNotFoundException();

        session.Insert(AuditEntry.By(access.Member, access.WorkspaceId, AuditAction.RiskAssessmentOpened, assessment.ClientId, clock.GetUtcNow(), $"assessment {assessment.Id}"));
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new AuditUnavailableException(e);
        }
        return new RiskAssessmentView(assessment, client.Reference);
    }

    /// <summary>
    /// The client an assessment belongs to, without its content: so a member refused by the caseload
    /// guard can be sent to the client's record to give her reason.
    /// </summary>
    public async Task<Guid?> ClientOfAsync(WorkspaceAccess access, Guid assessmentId, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "see risk assessments");
        await using var session = store.QuerySession(access.WorkspaceId);
        return (await session.LoadAsync<RiskAssessment>(assessmentId, ct))?.ClientId;
    }

    /// <summary>The summary from a session already opened for the workspace (and already past the caseload guard).</summary>
    public static async Task<ClientRiskSummary> ReadAsync(IQuerySession session, Guid clientId, DateOnly today, CancellationToken ct)
    {
        var client = await session.LoadAsync<Client>(clientId, ct) ?? throw new ClientNotFoundException();
        var assessments = await session.Query<RiskAssessment>().Where(a => a.ClientId == clientId).ToListAsync(ct);
        var cases = await session.Query<Case>().Where(c => c.ClientId == clientId).ToListAsync(ct);
        var referrals = await session.Query<MaracReferral>().Where(r => r.ClientId == clientId).ToListAsync(ct);
        var settings = await CaseworkSettingsStore.ReadAsync(session, ct);
        return ClientRiskSummary.From(clientId, client.Reference, assessments, cases.SelectMany(c => c.Incidents), referrals, settings, today);
    }
}
