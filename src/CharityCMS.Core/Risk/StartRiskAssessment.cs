using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.Workspaces;
using Marten;
using JasperFx;

namespace CharityCMS.Risk;

/// <summary>Starts a risk assessment of a client, optionally for one of her cases. A client has at most one open draft: starting again resumes it.</summary>
public sealed record StartRiskAssessment(Guid ClientId, Guid? CaseId = null);

/// <summary>The client's open draft, one per client (the id is the client's): inserting a second one fails, so two starts cannot make two drafts.</summary>
public sealed record OpenRiskDraft(Guid Id, Guid AssessmentId);

public sealed class StartRiskAssessmentHandler(IDocumentStore store, CaseloadGuard guard, TimeProvider clock)
{
    /// <returns>The id of the new assessment, or of the client's open draft when she has one.</returns>
    public async Task<Guid> HandleAsync(WorkspaceAccess access, StartRiskAssessment command, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "assess risk");
        await using var session = store.LightweightSession(access.WorkspaceId);
        _ = await session.LoadAsync<Client>(command.ClientId, ct) ?? throw new ClientNotFoundException();
        await guard.RequireAsync(session, access, command.ClientId, ct);
        if (await session.LoadAsync<OpenRiskDraft>(command.ClientId, ct) is { } open) return open.AssessmentId;
        if (command.CaseId is { } caseId)
        {
            var @case = await session.LoadAsync<Case>(caseId, ct);
            if (@case is null || @case.ClientId != command.ClientId) throw new CaseworkRuleException("That case is not one of this client's cases.");
        }

        var assessmentId = Guid.CreateVersion7();
        session.Insert(new OpenRiskDraft(command.ClientId, assessmentId));
        session.Events.StartStream<RiskAssessment>(assessmentId, RiskAssessment.Start(command.ClientId, command.CaseId, access.Member, clock.GetUtcNow()));
        try
        {
            await session.SaveChangesAsync(ct);
            return assessmentId;
        }
        catch (DocumentAlreadyExistsException)
        {
            await using var again = store.QuerySession(access.WorkspaceId);
            return (await again.LoadAsync<OpenRiskDraft>(command.ClientId, ct))?.AssessmentId ?? throw new ChangedElsewhereException("another worker", clock.GetUtcNow());
        }
    }
}
