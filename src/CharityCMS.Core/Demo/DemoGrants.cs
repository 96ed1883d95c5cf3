using CharityCMS.Cases;
using CharityCMS.Grants;
using CharityCMS.Workspaces;

namespace CharityCMS.Demo;

/// <summary>
/// Each demo charity's funders and grants, through the handlers managers use, dated from today so
/// the dashboard always tells a story: past returns sent and instalments received, a return and a
/// renewal due within a fortnight, and one report overdue.
/// </summary>
public sealed class DemoGrants(Funders funders, GrantTermsHandler terms, GrantPlanning planning, GrantQueries queries, TimeProvider clock)
{
    private sealed record DemoGrant(
        string Funder,
        string Title,
        string Reference,
        decimal Amount,
        bool Restricted,
        DateOnly StartsOn,
        DateOnly EndsOn,
        CaseService[] Services,
        string Posts,
        ReportingFrequency Reporting,
        int DaysToReport,
        (string Label, KpiMeasure Measure, decimal Target)[] Kpis,
        int Instalments,
        DateOnly? RenewalDueOn = null);

    public async Task SeedAsync(WorkspaceAccess manager, CancellationToken ct)
    {
        // The handlers' own clock: what they refuse as "in the future" is judged by the same today.
        var today = UkCalendar.Today(clock);
        var funderIds = new Dictionary<string, Guid>();
        foreach (var funder in FundersOf(manager.WorkspaceId))
            funderIds[funder.Name] = await funders.RegisterAsync(manager, funder, ct);

        var financialYear = new DateOnly(today.Month >= 4 ? today.Year : today.Year - 1, 4, 1);
        foreach (var grant in GrantsOf(manager.WorkspaceId, today, financialYear))
        {
            var id = await terms.RecordAsync(manager, new GrantTermsForm(funderIds[grant.Funder], grant.Title, grant.Reference, grant.Amount, grant.Restricted,
                grant.StartsOn, grant.EndsOn, grant.Services, grant.Posts, manager.Member.Id, grant.RenewalDueOn), ct);
            foreach (var (label, measure, target) in grant.Kpis)
                await planning.SetKpiAsync(manager, new SetKpi(id, null, label, measure, target), ct);
            await SeedInstalmentsAsync(manager, id, grant, today, ct);
            var scheduled = await planning.ScheduleReportsAsync(manager, new ScheduleReports(id, grant.Reporting, grant.DaysToReport), ct);
            // Every return already due was sent a couple of days early.
            foreach (var due in scheduled.Deadlines.Where(d => d.DueOn < today))
                await planning.SubmitReturnAsync(manager, new SubmitReturn(id, due.Id, Earliest(due.DueOn.AddDays(-2), today), "Sent to the funder's portal."), ct);
        }
        await SeedWhatIsDueSoonAsync(manager, today, ct);
    }

    private async Task SeedInstalmentsAsync(WorkspaceAccess manager, Guid grantId, DemoGrant grant, DateOnly today, CancellationToken ct)
    {
        var months = (grant.EndsOn.Year - grant.StartsOn.Year) * 12 + grant.EndsOn.Month - grant.StartsOn.Month + 1;
        var each = decimal.Round(grant.Amount / grant.Instalments, 2);
        for (var n = 0; n < grant.Instalments; n++)
        {
            var expected = grant.StartsOn.AddMonths(n * months / grant.Instalments).AddDays(14);
            var amount = n == grant.Instalments - 1 ? grant.Amount - each * (grant.Instalments - 1) : each;
            var scheduled = await planning.ScheduleInstalmentAsync(manager, new ScheduleInstalment(grantId, null, expected, amount), ct);
            if (expected > today) continue;
            var instalment = scheduled.Instalments.Single(i => i.ExpectedOn == expected);
            await planning.ReceiveInstalmentAsync(manager, new ReceiveInstalment(grantId, instalment.Id, Earliest(expected.AddDays(3), today), amount), ct);
        }
    }

    /// <summary>A report overdue by three days and one due in six, on the grants that end soonest.</summary>
    private async Task SeedWhatIsDueSoonAsync(WorkspaceAccess manager, DateOnly today, CancellationToken ct)
    {
        var grants = (await queries.AllAsync(manager, ct)).OrderBy(g => g.EndsOn).ToList();
        if (grants.Count < 2) return;
        var overdue = grants[0];
        await planning.SetDeadlineAsync(manager, new SetReportingDeadline(overdue.Id, null, "Case study for the funder's annual review",
            overdue.Terms.StartsOn, Earliest(today.AddDays(-7), overdue.Terms.EndsOn), today.AddDays(-3)), ct);
        var soon = grants[1];
        await planning.SetDeadlineAsync(manager, new SetReportingDeadline(soon.Id, null, "Interim progress report",
            soon.Terms.StartsOn, Earliest(today.AddDays(-1), soon.Terms.EndsOn), today.AddDays(6)), ct);
    }

    private static DateOnly Earliest(DateOnly a, DateOnly b) => a < b ? a : b;

    private static IEnumerable<FunderDetails> FundersOf(string workspace) => workspace == DemoStaff.Northgate
        ?
        [
            new("Ministry of Justice: rape and sexual abuse support fund", FunderType.MinistryOfJusticeFund, "Grants team", "rsasf@justice.example", null, "Returns through the MoJ portal."),
            new("Northshire Police and Crime Commissioner", FunderType.PoliceAndCrimeCommissioner, "Dana Okafor", "commissioning@northshire-pcc.example", "01632 960118", null),
            new("Hollybank Charitable Trust", FunderType.Trust, "Peter Lund", "grants@hollybank.example", null, "Likes a short case study with each report."),
        ]
        :
        [
            new("Northshire Police and Crime Commissioner", FunderType.PoliceAndCrimeCommissioner, "Dana Okafor", "commissioning@northshire-pcc.example", "01632 960118", null),
            new("Northshire County Council", FunderType.LocalAuthority, "Safe Accommodation Team", "dapb@northshire-cc.example", "01632 960274", "Domestic Abuse Act part 4 duty."),
            new("The National Lottery Community Fund", FunderType.Lottery, "Funding officer", "funding@lottery.example", null, null),
            new("Rowan Tree Trust", FunderType.Trust, "Amira Shah", "hello@rowantree.example", null, "Small emergency grants; one final report."),
        ];

    private static IEnumerable<DemoGrant> GrantsOf(string workspace, DateOnly today, DateOnly year)
    {
        var yearEnd = year.AddYears(1).AddDays(-1);
        if (workspace == DemoStaff.Northgate)
        {
            yield return new("Ministry of Justice: rape and sexual abuse support fund", "ISVA service", "RSASF-24-0311", 75_000m, true, year, yearEnd,
                [CaseService.Isva], "2 FTE ISVA", ReportingFrequency.Quarterly, 30,
                [("Survivors supported by an ISVA", KpiMeasure.ClientsSupported, 140), ("New referrals accepted", KpiMeasure.ReferralsAccepted, 110)], 4);
            yield return new("Northshire Police and Crime Commissioner", "Helpline and outreach", "NPCC/SV/22", 40_000m, true, year, yearEnd,
                [CaseService.Helpline, CaseService.Outreach], "1 FTE helpline coordinator", ReportingFrequency.HalfYearly, 28,
                [("People supported", KpiMeasure.ClientsSupported, 90)], 2, RenewalDueOn: today.AddDays(12));
            yield return new("Hollybank Charitable Trust", "Counselling waiting list support", "HB-1187", 12_000m, false, today.AddMonths(-10), today.AddMonths(2),
                [CaseService.Isva], "Sessional counsellors", ReportingFrequency.Annually, 30,
                [("% feeling safer when support ends", KpiMeasure.FeelSaferAtExit, 75)], 1);
            yield break;
        }
        yield return new("Northshire Police and Crime Commissioner", "IDVA service", "NPCC/DA/2026/04", 96_000m, true, year, yearEnd,
            [CaseService.Idva], "2 FTE IDVA", ReportingFrequency.Quarterly, 30,
            [("Survivors supported", KpiMeasure.ClientsSupported, 180), ("High-risk survivors referred to MARAC", KpiMeasure.MaracReferrals, 40),
             ("% feeling safer when support ends", KpiMeasure.FeelSaferAtExit, 80)], 4);
        yield return new("Northshire County Council", "Safe accommodation support", "NCC-SA-019", 60_000m, true, year, yearEnd,
            [CaseService.Refuge, CaseService.Outreach], "1 FTE refuge worker, 0.5 FTE outreach", ReportingFrequency.HalfYearly, 28,
            [("Women supported in refuge or by outreach", KpiMeasure.ClientsSupported, 90)], 2, RenewalDueOn: today.AddDays(12));
        yield return new("The National Lottery Community Fund", "Children and young people's service", "TNLCF-0-54411", 120_000m, true,
            today.AddMonths(-20), today.AddMonths(16), [CaseService.ChildrenAndYoungPeople], "1 FTE children's worker", ReportingFrequency.Annually, 60,
            [("Children and young people supported", KpiMeasure.ClientsSupported, 150), ("% more confident to seek help", KpiMeasure.ConfidentToSeekHelpAtExit, 70)], 3);
        yield return new("Rowan Tree Trust", "Emergency essentials fund", "RTT-EF-88", 8_000m, false, today.AddMonths(-5), today.AddMonths(1),
            [CaseService.Outreach, CaseService.Refuge], "Direct costs for survivors", ReportingFrequency.Annually, 30, [], 1);
    }
}
