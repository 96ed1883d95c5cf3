using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.Reminders;
using CharityCMS.Risk;
using CharityCMS.Workspaces;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CharityCMS.TestSupport;

/// <summary>Clients and cases for reminder tests, made through the real handlers and events.</summary>
public sealed class CaseworkWorld(IServiceProvider services, TimeProvider clock)
{
    private IDocumentStore Store => services.GetRequiredService<IDocumentStore>();

    /// <summary>Registers a client and opens a case for her, allocated to <paramref name="workerId"/> (or waiting).</summary>
    public async Task<(Guid ClientId, string Reference, Guid CaseId)> OpenCaseAsync(WorkspaceAccess by, string clientName, Guid? workerId, DateOnly? openedOn = null)
    {
        var client = await services.GetRequiredService<RegisterClientHandler>().HandleAsync(by, SampleClients.Registration(clientName), default);
        var caseId = await services.GetRequiredService<OpenCaseHandler>().HandleAsync(by,
            new OpenCase(client.ClientId, CaseService.Idva, workerId, openedOn ?? UkCalendar.Today(clock)), default);
        return (client.ClientId, client.Reference, caseId);
    }

    /// <summary>Completes a real risk assessment for her, scored at <paramref name="level"/> on the default bands.</summary>
    public async Task AssessAsync(WorkspaceAccess by, Guid clientId, RiskLevel level)
    {
        var id = await services.GetRequiredService<StartRiskAssessmentHandler>().HandleAsync(by, new StartRiskAssessment(clientId, null), default);
        var yes = level switch { RiskLevel.High => 15, RiskLevel.Medium => 11, _ => 3 };
        await services.GetRequiredService<CompleteRiskAssessmentHandler>().HandleAsync(by, new CompleteRiskAssessment(id, 1, SampleRisk.Form(yes)), default);
    }

    public async Task<Guid> AddSafetyActionAsync(WorkspaceAccess by, Guid caseId, DateOnly reviewOn)
    {
        var actionId = Guid.NewGuid();
        await AppendAsync(by, caseId, new SafetyPlanActionAdded(actionId, "Panic alarm fitted", "Police", reviewOn, by.Member, clock.GetUtcNow()));
        return actionId;
    }

    public Task ReviewSafetyActionsAsync(WorkspaceAccess by, Guid caseId, Guid actionId, DateOnly? nextReviewOn) =>
        AppendAsync(by, caseId, new SafetyPlanActionReviewed(actionId, SafetyActionStatus.InProgress, nextReviewOn, null, by.Member, clock.GetUtcNow()));

    public Task LogContactAsync(WorkspaceAccess by, Guid caseId, DateTimeOffset occurredAt, bool successful = true) =>
        AppendAsync(by, caseId, new ContactLogged(Guid.NewGuid(), ContactMethod.Visit, successful, occurredAt, 30, null, "Checked in", by.Member, clock.GetUtcNow()));

    public Task CloseAsync(WorkspaceAccess by, Guid caseId) =>
        AppendAsync(by, caseId, new CaseClosed(CaseClosureReason.SupportCompleted, null, UkCalendar.Today(clock), by.Member, clock.GetUtcNow()));

    private async Task AppendAsync(WorkspaceAccess by, Guid caseId, WorkspaceEvent e)
    {
        await using var session = Store.LightweightSession(by.WorkspaceId);
        session.Events.Append(caseId, e);
        await session.SaveChangesAsync();
    }
}
