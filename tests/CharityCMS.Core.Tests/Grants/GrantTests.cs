using CharityCMS.Grants;
using CharityCMS.Workspaces;
using FluentValidation;

namespace CharityCMS.Core.Tests.Grants;

public class GrantTests : GrantDatabase
{
    [Fact]
    public async Task A_manager_records_a_grant_and_its_page_reads_the_terms_and_the_history()
    {
        var grant = await RecordAsync();

        Assert.Equal(("IDVA service 2026-27", "Northshire PCC", 60_000m), (grant.Terms.Title, grant.Terms.FunderName, grant.Terms.Amount));
        Assert.Equal("Grace Manager", grant.Terms.Owner.Name);
        var history = await Grants.HistoryAsync(Manager, grant.Id, default);
        Assert.Equal("Grant recorded", Assert.Single(history).What);
    }

    [Fact]
    public async Task Grants_are_for_managers_only()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => Terms.RecordAsync(Caseworker, Form(), default));
        var grant = await RecordAsync();
        await Assert.ThrowsAsync<AccessDeniedException>(() => Grants.GetAsync(Caseworker, grant.Id, default));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Grants.AllAsync(Caseworker, default));
        var fundraiser = await Workspace.AccessAsync(WorkspaceRole.Fundraiser);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Planning.SetKpiAsync(fundraiser, new SetKpi(grant.Id, null, "Survivors", KpiMeasure.ClientsSupported, 10), default));
    }

    [Theory]
    [InlineData("end-before-start", "The grant must end after it starts.")]
    [InlineData("negative", "Enter the amount awarded, more than £0.")]
    [InlineData("pence", "Enter the amount in pounds and pence (at most two decimals).")]
    [InlineData("no-services", "Choose at least one service the grant funds.")]
    [InlineData("no-title", "Give the grant a title.")]
    public async Task Bad_terms_are_refused_with_a_message_for_the_field(string what, string message)
    {
        var form = Form();
        form = what switch
        {
            "end-before-start" => form with { EndsOn = form.StartsOn.AddDays(-1) },
            "negative" => form with { Amount = -5 },
            "pence" => form with { Amount = 10.005m },
            "no-services" => form with { Services = [] },
            _ => form with { Title = "  " },
        };

        var refused = await Assert.ThrowsAsync<ValidationException>(() => Terms.RecordAsync(Manager, form, default));

        Assert.Contains(refused.Errors, e => e.ErrorMessage == message);
    }

    [Fact]
    public async Task The_owner_must_be_a_manager_of_the_workspace()
    {
        var refused = await Assert.ThrowsAsync<GrantRuleException>(() => Terms.RecordAsync(Manager, Form() with { OwnerId = Caseworker.Member.Id }, default));
        Assert.Contains("manager", refused.Message);
    }

    [Fact]
    public async Task Instalments_cannot_add_up_to_more_than_the_grant()
    {
        var grant = await RecordAsync(Form(amount: 10_000m));
        await Planning.ScheduleInstalmentAsync(Manager, new ScheduleInstalment(grant.Id, null, new DateOnly(2026, 4, 15), 6_000m), default);

        var refused = await Assert.ThrowsAsync<GrantRuleException>(() =>
            Planning.ScheduleInstalmentAsync(Manager, new ScheduleInstalment(grant.Id, null, new DateOnly(2026, 10, 15), 4_000.01m), default));

        Assert.Contains("£10,000.01", refused.Message);
        grant = await Planning.ScheduleInstalmentAsync(Manager, new ScheduleInstalment(grant.Id, null, new DateOnly(2026, 10, 15), 4_000m), default);
        Assert.Equal(10_000m, grant.Instalments.Sum(i => i.Amount));
        // Nor can the grant shrink below what is already scheduled.
        await Assert.ThrowsAsync<GrantRuleException>(() => Terms.ChangeAsync(Manager, grant.Id, grant.Version, Form(amount: 9_000m), default));
    }

    [Fact]
    public async Task An_instalment_is_received_once_and_not_on_a_future_date()
    {
        var grant = await RecordAsync();
        grant = await Planning.ScheduleInstalmentAsync(Manager, new ScheduleInstalment(grant.Id, null, new DateOnly(2026, 4, 15), 30_000m), default);
        var instalment = grant.Instalments.Single().Id;

        await Assert.ThrowsAsync<GrantRuleException>(() =>
            Planning.ReceiveInstalmentAsync(Manager, new ReceiveInstalment(grant.Id, instalment, UkCalendar.Today(Clock).AddDays(1), 30_000m), default));
        grant = await Planning.ReceiveInstalmentAsync(Manager, new ReceiveInstalment(grant.Id, instalment, UkCalendar.Today(Clock), 30_000m), default);
        Assert.True(grant.Instalments.Single().IsReceived);
        await Assert.ThrowsAsync<GrantRuleException>(() =>
            Planning.ReceiveInstalmentAsync(Manager, new ReceiveInstalment(grant.Id, instalment, UkCalendar.Today(Clock), 30_000m), default));
    }

    [Theory]
    [InlineData(KpiMeasure.ClientsSupported, null, "Give the KPI a target.")]
    [InlineData(KpiMeasure.ClientsSupported, "0", "The target must be more than nought.")]
    [InlineData(KpiMeasure.FeelSaferAtExit, "120", "A percentage target is at most 100.")]
    [InlineData(KpiMeasure.ClientsSupported, "12.5", "A count target is a whole number.")]
    public async Task A_kpi_needs_a_target_that_fits_what_it_counts(KpiMeasure measure, string? target, string message)
    {
        var grant = await RecordAsync();

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            Planning.SetKpiAsync(Manager, new SetKpi(grant.Id, null, "Survivors supported", measure, target is null ? null : decimal.Parse(target, System.Globalization.CultureInfo.InvariantCulture)), default));

        Assert.Contains(refused.Errors, e => e.ErrorMessage == message);
    }

    [Fact]
    public async Task A_reporting_period_outside_the_grant_is_refused()
    {
        var grant = await RecordAsync();

        var refused = await Assert.ThrowsAsync<GrantRuleException>(() => Planning.SetDeadlineAsync(Manager,
            new SetReportingDeadline(grant.Id, null, "Annual report", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 31)), default));

        Assert.Contains("within the grant", refused.Message);
    }

    [Fact]
    public async Task A_quarterly_schedule_makes_one_deadline_per_quarter_and_scheduling_again_adds_none()
    {
        var grant = await RecordAsync();

        grant = await Planning.ScheduleReportsAsync(Manager, new ScheduleReports(grant.Id, ReportingFrequency.Quarterly, 30), default);
        grant = await Planning.ScheduleReportsAsync(Manager, new ScheduleReports(grant.Id, ReportingFrequency.Quarterly, 30), default);

        Assert.Equal(
            [(new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30), new DateOnly(2026, 7, 30)),
             (new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 30)),
             (new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 30)),
             (new DateOnly(2027, 1, 1), new DateOnly(2027, 3, 31), new DateOnly(2027, 4, 30))],
            grant.Deadlines.Select(d => (d.PeriodFrom, d.PeriodTo, d.DueOn)));
    }

    [Fact]
    public async Task A_submitted_return_stays_on_record_and_its_deadline_no_longer_moves()
    {
        var grant = await RecordAsync();
        grant = await Planning.ScheduleReportsAsync(Manager, new ScheduleReports(grant.Id, ReportingFrequency.HalfYearly, 28), default);
        var first = grant.Deadlines[0];

        grant = await Planning.SubmitReturnAsync(Manager, new SubmitReturn(grant.Id, first.Id, new DateOnly(2026, 10, 20), "Sent by email"), default);

        Assert.True(grant.Deadlines[0].IsSubmitted);
        Assert.True(GrantDeadlines.Of(grant).Single(d => d.Key == first.Id.ToString("N")).Done);
        await Assert.ThrowsAsync<GrantRuleException>(() => Planning.RemoveDeadlineAsync(Manager, grant.Id, first.Id, default));
        await Assert.ThrowsAsync<GrantRuleException>(() => Planning.SetDeadlineAsync(Manager,
            new SetReportingDeadline(grant.Id, first.Id, first.Title, first.PeriodFrom, first.PeriodTo, first.DueOn.AddDays(3)), default));
    }

    [Fact]
    public async Task A_stale_edit_of_the_terms_is_refused_with_who_changed_them()
    {
        var grant = await RecordAsync();
        Clock.Advance(TimeSpan.FromMinutes(3));
        await Terms.ChangeAsync(Manager, grant.Id, grant.Version, Form(amount: 65_000m), default);

        var refused = await Assert.ThrowsAsync<GrantChangedElsewhereException>(() => Terms.ChangeAsync(Manager, grant.Id, grant.Version, Form(amount: 70_000m), default));

        Assert.Equal("Grace Manager", refused.ChangedBy);
        Assert.Equal(65_000m, (await Grants.GetAsync(Manager, grant.Id, default)).Terms.Amount);
    }

    [Fact]
    public async Task A_deleted_grant_leaves_the_list_has_no_dates_and_takes_no_changes()
    {
        var grant = await RecordAsync(Form(renewalDueOn: new DateOnly(2027, 1, 15)));

        await Assert.ThrowsAsync<GrantRuleException>(() => Terms.DeleteAsync(Manager, grant.Id, grant.Version, " ", default));
        await Terms.DeleteAsync(Manager, grant.Id, grant.Version, "Entered twice by mistake.", default);

        Assert.Empty(await Grants.AllAsync(Manager, default));
        await Assert.ThrowsAsync<GrantNotFoundException>(() => Grants.GetAsync(Manager, grant.Id, default));
        await Assert.ThrowsAsync<GrantNotFoundException>(() => Planning.SetKpiAsync(Manager, new SetKpi(grant.Id, null, "Survivors", KpiMeasure.ClientsSupported, 10), default));
    }

    [Fact]
    public async Task Each_change_is_an_event_in_the_history_with_who_and_what()
    {
        var grant = await RecordAsync();
        grant = await Planning.SetKpiAsync(Manager, new SetKpi(grant.Id, null, "Survivors supported", KpiMeasure.ClientsSupported, 150), default);
        await Planning.SetKpiAsync(Manager, new SetKpi(grant.Id, grant.Kpis.Single().Id, "Survivors supported", KpiMeasure.ClientsSupported, 160), default);
        await Planning.RemoveKpiAsync(Manager, grant.Id, grant.Kpis.Single().Id, default);

        var history = await Grants.HistoryAsync(Manager, grant.Id, default);

        Assert.Equal(["KPI removed", "KPI changed", "KPI set", "Grant recorded"], history.Select(h => h.What));
        Assert.Equal("Survivors supported: target 160", history[0].Detail);
        Assert.All(history, h => Assert.Equal("Grace Manager", h.By));
    }

    [Fact]
    public async Task Funder_names_are_unique_in_a_workspace()
    {
        var refused = await Assert.ThrowsAsync<GrantRuleException>(() => Get<Funders>().RegisterAsync(Manager,
            new FunderDetails(" Northshire  PCC ", FunderType.PoliceAndCrimeCommissioner, null, null, null, null), default));
        Assert.Contains("already a funder", refused.Message);
    }
}
