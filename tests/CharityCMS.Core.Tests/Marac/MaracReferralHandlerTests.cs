using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.Marac;
using CharityCMS.Risk;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using FluentValidation;
using Marten;

namespace CharityCMS.Core.Tests.Marac;

public class MaracReferralHandlerTests : DomainDatabase
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private MakeMaracReferralHandler Refer => Get<MakeMaracReferralHandler>();
    private MaracBoard Board => Get<MaracBoard>();

    private async Task<(TestWorkspace Workspace, WorkspaceAccess Worker, Guid ClientId)> ClientAsync(int? yes = null)
    {
        var workspace = await TestWorkspace.CreateAsync(Store);
        var worker = await workspace.AccessAsync(WorkspaceRole.Caseworker);
        var clientId = (await Get<RegisterClientHandler>().HandleAsync(worker, SampleClients.Registration(), default)).ClientId;
        if (yes is { } score)
        {
            var id = await Get<StartRiskAssessmentHandler>().HandleAsync(worker, new StartRiskAssessment(clientId), default);
            await Get<CompleteRiskAssessmentHandler>().HandleAsync(worker, new CompleteRiskAssessment(id, 1, SampleRisk.Form(score)), default);
        }
        return (workspace, worker, clientId);
    }

    private async Task RecordIncidentAsync(WorkspaceAccess worker, Guid clientId, DateOnly on, bool police = true)
    {
        await using var session = Store.LightweightSession(worker.WorkspaceId);
        var @case = await session.Query<Case>().FirstOrDefaultAsync(c => c.ClientId == clientId);
        var caseId = @case?.Id ?? await Get<OpenCaseHandler>().HandleAsync(worker, new OpenCase(clientId, CaseService.Idva, worker.Member.Id, new DateOnly(2025, 1, 1)), default);
        session.Events.Append(caseId, new IncidentRecorded(Guid.NewGuid(), on, police, police ? "REF/1" : null, "Incident", worker.Member, Clock.GetUtcNow()));
        await session.SaveChangesAsync();
    }

    [Fact]
    public async Task A_client_meeting_no_criterion_cannot_be_referred()
    {
        var (_, worker, clientId) = await ClientAsync(yes: 9);
        var refused = await Assert.ThrowsAsync<CaseworkRuleException>(() => Refer.HandleAsync(worker, new MakeMaracReferral(clientId, null, Today, Today.AddDays(14)), default));
        Assert.Contains("none of the MARAC criteria", refused.Message);
    }

    [Fact]
    public async Task A_high_risk_client_is_referred_with_the_criteria_she_meets_and_actions_are_agreed_and_completed()
    {
        var (_, worker, clientId) = await ClientAsync(yes: 16);
        var referralId = await Refer.HandleAsync(worker, new MakeMaracReferral(clientId, null, Today, Today.AddDays(14)), default);

        var version = await Get<AgreeMaracActionHandler>().HandleAsync(worker, new AgreeMaracAction(referralId, 1, "Fit a panic alarm", "Police", Today.AddDays(7)), default);
        version = await Get<AgreeMaracActionHandler>().HandleAsync(worker, new AgreeMaracAction(referralId, version, "Flag the address", "Housing", Today.AddDays(30)), default);

        var referral = (await Board.ReferralAsync(worker, referralId, default))!;
        Assert.Equal([MaracCriterion.VisibleHighRisk], referral.Criteria);
        Assert.False(referral.Repeat);
        Assert.Equal(Today.AddDays(7), referral.NextActionDueOn);
        var due = await Board.OpenActionsAsync(worker, Today.AddDays(10), default);
        Assert.Equal(["Fit a panic alarm"], due.Select(a => a.Action.Action));

        var alarm = referral.Actions.Single(a => a.OwnerAgency == "Police");
        version = await Get<CompleteMaracActionHandler>().HandleAsync(worker, new CompleteMaracAction(referralId, version, alarm.Id, Today, "Fitted"), default);
        Assert.Empty(await Board.OpenActionsAsync(worker, Today.AddDays(10), default));
        Assert.Equal(Today.AddDays(30), (await Board.ReferralAsync(worker, referralId, default))!.NextActionDueOn);
        Assert.Equal(4, version);
    }

    [Fact]
    public async Task A_second_referral_is_refused_while_the_first_awaits_its_meeting()
    {
        var (_, worker, clientId) = await ClientAsync(yes: 16);
        await Refer.HandleAsync(worker, new MakeMaracReferral(clientId, null, Today, Today.AddDays(14)), default);
        await Assert.ThrowsAsync<CaseworkRuleException>(() => Refer.HandleAsync(worker, new MakeMaracReferral(clientId, null, Today, Today.AddDays(21)), default));
    }

    [Fact]
    public async Task A_new_incident_within_12_months_of_the_last_referral_makes_the_next_referral_a_repeat_automatically()
    {
        var (_, worker, clientId) = await ClientAsync(yes: 16);
        var first = await Refer.HandleAsync(worker, new MakeMaracReferral(clientId, null, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 16)), default);
        await Get<RecordMaracOutcomeHandler>().HandleAsync(worker, new RecordMaracOutcome(first, 1, "Actions agreed; case stays open."), default);
        await RecordIncidentAsync(worker, clientId, new DateOnly(2026, 11, 20), police: false);

        var second = await Refer.HandleAsync(worker, new MakeMaracReferral(clientId, null, Today, Today.AddDays(14)), default);

        var referral = (await Board.ReferralAsync(worker, second, default))!;
        Assert.True(referral.Repeat);
        Assert.Equal([MaracCriterion.VisibleHighRisk, MaracCriterion.Repeat], referral.Criteria);
    }

    [Fact]
    public async Task Three_police_reported_incidents_in_a_year_allow_a_referral_without_an_assessment()
    {
        var (_, worker, clientId) = await ClientAsync();
        foreach (var on in new[] { new DateOnly(2026, 1, 10), new DateOnly(2026, 5, 3), new DateOnly(2026, 11, 2) })
            await RecordIncidentAsync(worker, clientId, on);

        var id = await Refer.HandleAsync(worker, new MakeMaracReferral(clientId, null, Today, Today.AddDays(14)), default);
        Assert.Equal([MaracCriterion.PotentialEscalation], (await Board.ReferralAsync(worker, id, default))!.Criteria);
    }

    [Fact]
    public async Task The_outcome_waits_for_the_meeting_and_is_recorded_once_then_the_date_is_fixed()
    {
        var (_, worker, clientId) = await ClientAsync(yes: 16);
        var id = await Refer.HandleAsync(worker, new MakeMaracReferral(clientId, null, Today, Today.AddDays(14)), default);
        await Assert.ThrowsAsync<CaseworkRuleException>(() => Get<RecordMaracOutcomeHandler>().HandleAsync(worker, new RecordMaracOutcome(id, 1, "Too early"), default));

        var version = await Get<ChangeMaracMeetingDateHandler>().HandleAsync(worker, new ChangeMaracMeetingDate(id, 1, Today, "Brought forward"), default);
        version = await Get<RecordMaracOutcomeHandler>().HandleAsync(worker, new RecordMaracOutcome(id, version, "Heard; actions agreed."), default);

        await Assert.ThrowsAsync<CaseworkRuleException>(() => Get<RecordMaracOutcomeHandler>().HandleAsync(worker, new RecordMaracOutcome(id, version, "Again"), default));
        await Assert.ThrowsAsync<CaseworkRuleException>(() => Get<ChangeMaracMeetingDateHandler>().HandleAsync(worker, new ChangeMaracMeetingDate(id, version, Today.AddDays(3), null), default));
        Assert.Empty(await Board.AwaitingMeetingAsync(worker, default));
    }

    [Fact]
    public async Task A_referral_dated_in_the_future_or_a_meeting_before_it_is_refused_with_field_messages()
    {
        var (_, worker, clientId) = await ClientAsync(yes: 16);
        var refused = await Assert.ThrowsAsync<ValidationException>(() => Refer.HandleAsync(worker, new MakeMaracReferral(clientId, null, Today.AddDays(1), Today), default));
        Assert.Contains(refused.Errors, e => e.PropertyName == "ReferredOn");
        Assert.Contains(refused.Errors, e => e.PropertyName == "MeetingOn");
    }

    [Fact]
    public async Task An_empty_or_over_long_action_is_refused_and_completion_in_the_future_too()
    {
        var (_, worker, clientId) = await ClientAsync(yes: 16);
        var id = await Refer.HandleAsync(worker, new MakeMaracReferral(clientId, null, Today, Today.AddDays(14)), default);
        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            Get<AgreeMaracActionHandler>().HandleAsync(worker, new AgreeMaracAction(id, 1, " ", new string('a', 101), Today), default));
        Assert.Equal(["Action", "OwnerAgency"], refused.Errors.Select(e => e.PropertyName).Order());

        await Assert.ThrowsAsync<ValidationException>(() =>
            Get<CompleteMaracActionHandler>().HandleAsync(worker, new CompleteMaracAction(id, 1, Guid.NewGuid(), Today.AddDays(1), null), default));
    }

    [Fact]
    public async Task A_change_against_an_old_version_is_refused_with_who_changed_it_and_when()
    {
        var (workspace, worker, clientId) = await ClientAsync(yes: 16);
        var id = await Refer.HandleAsync(worker, new MakeMaracReferral(clientId, null, Today, Today.AddDays(14)), default);
        var manager = await workspace.AccessAsync(WorkspaceRole.Manager);
        Clock.Advance(TimeSpan.FromMinutes(10));
        await Get<AgreeMaracActionHandler>().HandleAsync(manager, new AgreeMaracAction(id, 1, "Tech sweep of her phone", "Police", Today.AddDays(5)), default);

        var refused = await Assert.ThrowsAsync<ChangedElsewhereException>(() =>
            Get<AgreeMaracActionHandler>().HandleAsync(worker, new AgreeMaracAction(id, 1, "Refer to refuge", "Refuge", Today.AddDays(5)), default));
        Assert.Equal(manager.Member.Name, refused.ChangedBy);
        Assert.Equal(Clock.GetUtcNow(), refused.ChangedAt);
    }

    [Fact]
    public async Task A_caseworker_outside_the_caseload_can_neither_refer_nor_open_the_referral()
    {
        var (workspace, worker, clientId) = await ClientAsync(yes: 16);
        var id = await Refer.HandleAsync(worker, new MakeMaracReferral(clientId, null, Today, Today.AddDays(14)), default);
        var other = await workspace.AccessAsync(WorkspaceRole.Caseworker);

        await Assert.ThrowsAsync<OutsideCaseloadException>(() => Board.ReferralAsync(other, id, default));
        await Assert.ThrowsAsync<OutsideCaseloadException>(() => Refer.HandleAsync(other, new MakeMaracReferral(clientId, null, Today, Today.AddDays(14)), default));
        await Assert.ThrowsAsync<OutsideCaseloadException>(() =>
            Get<AgreeMaracActionHandler>().HandleAsync(other, new AgreeMaracAction(id, 1, "Something", "Police", Today), default));
    }

    [Fact]
    public async Task The_board_shows_a_caseworker_only_her_caseloads_referrals_and_counts_the_rest_while_a_manager_sees_all()
    {
        var (workspace, worker, clientId) = await ClientAsync(yes: 16);
        var id = await Refer.HandleAsync(worker, new MakeMaracReferral(clientId, null, Today, Today.AddDays(14)), default);
        await Get<AgreeMaracActionHandler>().HandleAsync(worker, new AgreeMaracAction(id, 1, "Fit a panic alarm", "Police", Today), default);
        var other = await workspace.AccessAsync(WorkspaceRole.Caseworker);
        var manager = await workspace.AccessAsync(WorkspaceRole.Manager);

        var own = await Board.BoardAsync(worker, default);
        var outside = await Board.BoardAsync(other, default);
        var all = await Board.BoardAsync(manager, default);

        Assert.Equal((1, 1, 0), (own.Meetings.Count, own.OpenActions.Count, own.OutsideCaseload));
        Assert.Equal((0, 0, 1), (outside.Meetings.Count, outside.OpenActions.Count, outside.OutsideCaseload));
        Assert.Equal((1, 1, 0), (all.Meetings.Count, all.OpenActions.Count, all.OutsideCaseload));
        Assert.Empty(await Board.OpenActionsAsync(other, null, default));
    }

    [Fact]
    public async Task Another_workspace_sees_none_of_the_referrals_or_actions()
    {
        var (_, worker, clientId) = await ClientAsync(yes: 16);
        var id = await Refer.HandleAsync(worker, new MakeMaracReferral(clientId, null, Today, Today.AddDays(14)), default);
        await Get<AgreeMaracActionHandler>().HandleAsync(worker, new AgreeMaracAction(id, 1, "Fit a panic alarm", "Police", Today), default);
        var outsider = await (await TestWorkspace.CreateAsync(Store)).AccessAsync(WorkspaceRole.Manager);

        Assert.Null(await Board.ReferralAsync(outsider, id, default));
        Assert.Empty(await Board.AwaitingMeetingAsync(outsider, default));
        Assert.Empty(await Board.OpenActionsAsync(outsider, null, default));
        await Assert.ThrowsAsync<ClientNotFoundException>(() => Refer.HandleAsync(outsider, new MakeMaracReferral(clientId, null, Today, Today.AddDays(14)), default));
        await Assert.ThrowsAsync<MaracReferralNotFoundException>(() =>
            Get<AgreeMaracActionHandler>().HandleAsync(outsider, new AgreeMaracAction(id, 2, "Something", "Police", Today), default));
    }
}
