using System.Collections.Concurrent;
using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.Reminders;
using CharityCMS.Risk;
using CharityCMS.Workspaces;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CharityCMS.TestSupport;

/// <summary>Risk levels a test sets per client, standing in for the risk branch's ClientRiskSummary reader.</summary>
public sealed class TestRiskLevels
{
    private readonly ConcurrentDictionary<Guid, RiskLevel> levels = new();

    public void Set(Guid clientId, RiskLevel level) => levels[clientId] = level;

    public CurrentRiskLevels Reader => (_, ids, _) =>
        Task.FromResult<IReadOnlyDictionary<Guid, RiskLevel>>(ids.Where(levels.ContainsKey).ToDictionary(id => id, id => levels[id]));
}

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
