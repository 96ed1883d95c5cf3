using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.Risk;
using CharityCMS.Settings;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using FluentValidation;
using Marten;

namespace CharityCMS.Core.Tests.Risk;

public class RiskAssessmentHandlerTests : DomainDatabase
{
    private StartRiskAssessmentHandler Start => Get<StartRiskAssessmentHandler>();
    private SaveRiskDraftHandler Save => Get<SaveRiskDraftHandler>();
    private CompleteRiskAssessmentHandler Complete => Get<CompleteRiskAssessmentHandler>();
    private ClientRisk Risk => Get<ClientRisk>();

    private async Task<(TestWorkspace Workspace, WorkspaceAccess Worker, Guid ClientId)> ClientAsync()
    {
        var workspace = await TestWorkspace.CreateAsync(Store);
        var worker = await workspace.AccessAsync(WorkspaceRole.Caseworker);
        var clientId = (await Get<RegisterClientHandler>().HandleAsync(worker, SampleClients.Registration(), default)).ClientId;
        return (workspace, worker, clientId);
    }

    [Fact]
    public async Task A_draft_is_saved_resumed_by_starting_again_and_completed_into_the_clients_summary()
    {
        var (_, worker, clientId) = await ClientAsync();
        var id = await Start.HandleAsync(worker, new StartRiskAssessment(clientId), default);
        var partial = SampleRisk.Form(15) with { Answers = SampleRisk.Form(15).Answers.Take(10).ToList() };
        var version = await Save.HandleAsync(worker, new SaveRiskDraft(id, 1, partial), default);

        Assert.Equal(id, await Start.HandleAsync(worker, new StartRiskAssessment(clientId), default));
        var resumed = (await Risk.AssessmentAsync(worker, id, default))!;
        Assert.Equal(10, resumed.Answers.Count);
        Assert.Equal(version, resumed.Version);

        Clock.Advance(TimeSpan.FromHours(1));
        await Complete.HandleAsync(worker, new CompleteRiskAssessment(id, version, SampleRisk.Form(15)), default);

        var summary = await Risk.SummaryAsync(worker, clientId, default);
        Assert.Equal(id, summary.Latest!.Id);
        Assert.Equal((15, RiskLevel.High), (summary.Latest.Score, summary.Latest.FinalLevel));
        Assert.Equal(worker.Member, summary.Latest.CompletedBy);
        Assert.Equal(Clock.GetUtcNow(), summary.Latest.CompletedAt);
        Assert.Null(summary.OpenDraft);
        Assert.Equal(new DateOnly(2026, 11, 25).AddDays(7 * 8), summary.Reassessment!.On);
        Assert.True(summary.Marac.Meets(CharityCMS.Marac.MaracCriterion.VisibleHighRisk));
    }

    [Fact]
    public async Task After_completion_starting_again_makes_a_new_assessment_and_the_completed_one_refuses_changes()
    {
        var (_, worker, clientId) = await ClientAsync();
        var first = await Start.HandleAsync(worker, new StartRiskAssessment(clientId), default);
        await Complete.HandleAsync(worker, new CompleteRiskAssessment(first, 1, SampleRisk.Form(3)), default);

        var second = await Start.HandleAsync(worker, new StartRiskAssessment(clientId), default);
        Assert.NotEqual(first, second);
        await Assert.ThrowsAsync<RiskAssessmentCompletedException>(() => Save.HandleAsync(worker, new SaveRiskDraft(first, 2, SampleRisk.Form(20)), default));
        await Assert.ThrowsAsync<RiskAssessmentCompletedException>(() => Complete.HandleAsync(worker, new CompleteRiskAssessment(first, 1, SampleRisk.Form(20)), default));

        await using var session = Store.QuerySession(worker.WorkspaceId);
        Assert.Equal(2, (await session.Events.FetchStreamAsync(first)).Count);
        Assert.Equal(3, (await session.LoadAsync<RiskAssessment>(first))!.Score);
    }

    [Fact]
    public async Task Two_workers_starting_at_once_get_one_draft_between_them()
    {
        var (workspace, worker, clientId) = await ClientAsync();
        var manager = await workspace.AccessAsync(WorkspaceRole.Manager);

        var ids = await Task.WhenAll(
            Start.HandleAsync(worker, new StartRiskAssessment(clientId), default),
            Start.HandleAsync(manager, new StartRiskAssessment(clientId), default));

        Assert.Equal(ids[0], ids[1]);
        await using var session = Store.QuerySession(worker.WorkspaceId);
        Assert.Equal(1, await session.Query<RiskAssessment>().CountAsync(a => a.ClientId == clientId));
    }

    [Fact]
    public async Task A_save_against_an_old_version_is_refused_with_who_saved_and_when()
    {
        var (workspace, worker, clientId) = await ClientAsync();
        var id = await Start.HandleAsync(worker, new StartRiskAssessment(clientId), default);
        var manager = await workspace.AccessAsync(WorkspaceRole.Manager);
        Clock.Advance(TimeSpan.FromMinutes(3));
        await Save.HandleAsync(manager, new SaveRiskDraft(id, 1, SampleRisk.Form(2)), default);

        var refused = await Assert.ThrowsAsync<ChangedElsewhereException>(() => Save.HandleAsync(worker, new SaveRiskDraft(id, 1, SampleRisk.Form(5)), default));
        Assert.Equal(manager.Member.Name, refused.ChangedBy);
        Assert.Equal(Clock.GetUtcNow(), refused.ChangedAt);
    }

    [Fact]
    public async Task Completion_uses_the_workspaces_own_bands()
    {
        var (workspace, worker, clientId) = await ClientAsync();
        var manager = await workspace.AccessAsync(WorkspaceRole.Manager);
        await Get<CaseworkSettingsStore>().SaveAsync(manager, CaseworkSettings.Default with { RiskBands = new RiskBands(8, 12) }, default);
        var id = await Start.HandleAsync(worker, new StartRiskAssessment(clientId), default);

        await Complete.HandleAsync(worker, new CompleteRiskAssessment(id, 1, SampleRisk.Form(12)), default);

        Assert.Equal(RiskLevel.High, (await Risk.AssessmentAsync(worker, id, default))!.FinalLevel);
    }

    [Fact]
    public async Task A_judgement_below_the_score_is_refused_by_the_handler_and_nothing_is_recorded()
    {
        var (_, worker, clientId) = await ClientAsync();
        var id = await Start.HandleAsync(worker, new StartRiskAssessment(clientId), default);

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            Complete.HandleAsync(worker, new CompleteRiskAssessment(id, 1, SampleRisk.Form(15, judgement: RiskLevel.Standard, rationale: "Seems fine")), default));
        Assert.Contains(refused.Errors, e => e.PropertyName == "Form.Judgement");
        Assert.False((await Risk.AssessmentAsync(worker, id, default))!.IsCompleted);
    }

    [Fact]
    public async Task An_over_long_rationale_is_refused_with_a_field_message()
    {
        var (_, worker, clientId) = await ClientAsync();
        var id = await Start.HandleAsync(worker, new StartRiskAssessment(clientId), default);
        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            Save.HandleAsync(worker, new SaveRiskDraft(id, 1, SampleRisk.Form(2, judgement: RiskLevel.High, rationale: new string('a', 2001))), default));
        Assert.Contains(refused.Errors, e => e.PropertyName == "Form.Rationale");
    }

    [Fact]
    public async Task A_new_incident_on_her_case_brings_the_reassessment_forward()
    {
        var (_, worker, clientId) = await ClientAsync();
        var id = await Start.HandleAsync(worker, new StartRiskAssessment(clientId), default);
        await Complete.HandleAsync(worker, new CompleteRiskAssessment(id, 1, SampleRisk.Form(3)), default);
        var caseId = await Get<OpenCaseHandler>().HandleAsync(worker, new OpenCase(clientId, CaseService.Idva, worker.Member.Id, new DateOnly(2026, 11, 1)), default);
        Clock.Advance(TimeSpan.FromDays(3));
        await using (var session = Store.LightweightSession(worker.WorkspaceId))
        {
            session.Events.Append(caseId, new IncidentRecorded(Guid.NewGuid(), new DateOnly(2026, 11, 27), true, "WY/1", "Threats at the door", worker.Member, Clock.GetUtcNow()));
            await session.SaveChangesAsync();
        }

        var due = (await Risk.SummaryAsync(worker, clientId, default)).Reassessment!;
        Assert.Equal(new ReassessmentDue(new DateOnly(2026, 11, 27), ReassessmentReason.NewIncident), due);
    }

    [Fact]
    public async Task A_caseworker_cannot_start_read_or_save_an_assessment_of_a_client_outside_her_caseload()
    {
        var (workspace, owner, clientId) = await ClientAsync();
        var id = await Start.HandleAsync(owner, new StartRiskAssessment(clientId), default);
        var other = await workspace.AccessAsync(WorkspaceRole.Caseworker);

        await Assert.ThrowsAsync<OutsideCaseloadException>(() => Start.HandleAsync(other, new StartRiskAssessment(clientId), default));
        await Assert.ThrowsAsync<OutsideCaseloadException>(() => Risk.SummaryAsync(other, clientId, default));
        await Assert.ThrowsAsync<OutsideCaseloadException>(() => Risk.AssessmentAsync(other, id, default));
        await Assert.ThrowsAsync<OutsideCaseloadException>(() => Save.HandleAsync(other, new SaveRiskDraft(id, 1, SampleRisk.Form(1)), default));

        var manager = await workspace.AccessAsync(WorkspaceRole.Manager);
        Assert.NotNull(await Risk.AssessmentAsync(manager, id, default));
    }

    [Fact]
    public async Task Opening_an_assessment_to_read_its_answers_is_audited_with_the_client_as_subject()
    {
        var (_, worker, clientId) = await ClientAsync();
        var id = await Start.HandleAsync(worker, new StartRiskAssessment(clientId), default);
        await Complete.HandleAsync(worker, new CompleteRiskAssessment(id, 1, SampleRisk.Form(4)), default);

        var view = await Risk.ViewAsync(worker, id, default);

        Assert.Equal(4, view!.Assessment.Score);
        await using var session = Store.QuerySession(worker.WorkspaceId);
        var entry = Assert.Single(await session.Query<CharityCMS.Audit.AuditEntry>().Where(e => e.Action == CharityCMS.Audit.AuditAction.RiskAssessmentOpened).ToListAsync());
        Assert.Equal((clientId, worker.Member.Id, $"assessment {id}"), (entry.SubjectId!.Value, entry.ActorId!.Value, entry.Detail));
    }

    [Fact]
    public async Task Reminders_find_the_clients_whose_reassessment_falls_due_by_a_date_by_their_level()
    {
        var (_, worker, highClient) = await ClientAsync();
        var standardClient = (await Get<RegisterClientHandler>().HandleAsync(worker, SampleClients.Registration("Second Client"), default)).ClientId;
        foreach (var (clientId, yes) in new[] { (highClient, 15), (standardClient, 3) })
        {
            var id = await Start.HandleAsync(worker, new StartRiskAssessment(clientId), default);
            await Complete.HandleAsync(worker, new CompleteRiskAssessment(id, 1, SampleRisk.Form(yes)), default);
        }

        await using var session = Store.QuerySession(worker.WorkspaceId);
        var inNineWeeks = new DateOnly(2026, 11, 25).AddDays(63);
        var due = await ReassessmentsDue.OnOrBeforeAsync(session, inNineWeeks, default);

        var reminder = Assert.Single(due);
        Assert.Equal((highClient, RiskLevel.High, new DateOnly(2026, 11, 25).AddDays(56)), (reminder.ClientId, reminder.Level, reminder.Due.On));
        Assert.Empty(await ReassessmentsDue.OnOrBeforeAsync(session, new DateOnly(2027, 1, 19), default));
    }

    [Fact]
    public async Task A_fundraiser_is_refused_by_role()
    {
        var (workspace, _, clientId) = await ClientAsync();
        var fundraiser = await workspace.AccessAsync(WorkspaceRole.Fundraiser);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Risk.SummaryAsync(fundraiser, clientId, default));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Start.HandleAsync(fundraiser, new StartRiskAssessment(clientId), default));
    }

    [Fact]
    public async Task Another_workspace_finds_neither_the_client_nor_her_assessments()
    {
        var (_, worker, clientId) = await ClientAsync();
        var id = await Start.HandleAsync(worker, new StartRiskAssessment(clientId), default);
        var outsider = await (await TestWorkspace.CreateAsync(Store)).AccessAsync(WorkspaceRole.Manager);

        await Assert.ThrowsAsync<ClientNotFoundException>(() => Start.HandleAsync(outsider, new StartRiskAssessment(clientId), default));
        await Assert.ThrowsAsync<ClientNotFoundException>(() => Risk.SummaryAsync(outsider, clientId, default));
        Assert.Null(await Risk.AssessmentAsync(outsider, id, default));
        await Assert.ThrowsAsync<RiskAssessmentNotFoundException>(() => Save.HandleAsync(outsider, new SaveRiskDraft(id, 1, SampleRisk.Form(1)), default));
    }

    [Fact]
    public async Task Starting_for_a_case_of_another_client_is_refused()
    {
        var (_, worker, clientId) = await ClientAsync();
        var otherClient = (await Get<RegisterClientHandler>().HandleAsync(worker, SampleClients.Registration("Other Client"), default)).ClientId;
        var caseId = await Get<OpenCaseHandler>().HandleAsync(worker, new OpenCase(otherClient, CaseService.Idva, null, new DateOnly(2026, 11, 1)), default);

        await Assert.ThrowsAsync<CaseworkRuleException>(() => Start.HandleAsync(worker, new StartRiskAssessment(clientId, caseId), default));
    }
}
