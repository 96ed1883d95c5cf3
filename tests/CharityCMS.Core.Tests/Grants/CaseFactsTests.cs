using System.Text.Json;
using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.Grants.Returns;
using CharityCMS.TestSupport;
using Marten;
using Npgsql;

namespace CharityCMS.Core.Tests.Grants;

/// <summary>
/// The small projection returns read of each case: it must say what the case document says, for
/// cases made through the app and for cases that existed before it (the migration's backfill).
/// </summary>
public class CaseFactsTests : GrantDatabase
{
    private async Task<Guid> CaseThroughItsLifeAsync(CaseService service, bool close)
    {
        var client = await Get<RegisterClientHandler>().HandleAsync(Manager, SampleClients.Registration(), default);
        var caseId = await Get<OpenCaseHandler>().HandleAsync(Manager, new OpenCase(client.ClientId, service, null, new DateOnly(2026, 5, 4)), default);
        var details = Get<CaseDetailsHandler>();
        await details.RecordAbuseTypesAsync(Manager, new RecordAbuseTypes(caseId, await VersionAsync(caseId), [AbuseType.StalkingAndHarassment, AbuseType.CoerciveControl]), default);
        await details.RecordOutcomesAsync(Manager, new RecordOutcomes(caseId, OutcomeStage.Intake, new OutcomeScores(2, 1, 3, 4)), default);
        await details.RecordAbuseTypesAsync(Manager, new RecordAbuseTypes(caseId, await VersionAsync(caseId), [AbuseType.StalkingAndHarassment]), default);
        if (close)
        {
            await details.RecordOutcomesAsync(Manager, new RecordOutcomes(caseId, OutcomeStage.Exit, new OutcomeScores(7, 8, 6, 9)), default);
            await Get<CloseCaseHandler>().HandleAsync(Manager,
                new CloseCase(caseId, await VersionAsync(caseId), CaseClosureReason.SupportCompleted, null, new DateOnly(2026, 9, 30), null), default);
        }
        return caseId;
    }

    private async Task<long> VersionAsync(Guid caseId)
    {
        await using var session = Store.QuerySession(Workspace.Id);
        return (await session.LoadAsync<Case>(caseId))!.Version;
    }

    private async Task<IReadOnlyList<CaseFacts>> FactsAsync()
    {
        await using var session = Store.QuerySession(Workspace.Id);
        return (await session.Query<CaseFacts>().ToListAsync()).OrderBy(f => f.Id).ToList();
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);

    [Fact]
    public async Task Each_case_s_facts_say_what_its_document_says()
    {
        var open = await CaseThroughItsLifeAsync(CaseService.Idva, close: false);
        var closed = await CaseThroughItsLifeAsync(CaseService.Isva, close: true);

        await using var session = Store.QuerySession(Workspace.Id);
        foreach (var id in new[] { open, closed })
        {
            var @case = (await session.LoadAsync<Case>(id))!;
            var facts = (await session.LoadAsync<CaseFacts>(id))!;
            Assert.Equal(
                Json(new { @case.Id, @case.ClientId, @case.ClientReference, @case.Service, @case.OpenedOn, @case.ClosedOn, @case.AbuseTypes, @case.IntakeOutcomes, @case.ExitOutcomes }),
                Json(new { facts.Id, facts.ClientId, facts.ClientReference, facts.Service, facts.OpenedOn, facts.ClosedOn, facts.AbuseTypes, facts.IntakeOutcomes, facts.ExitOutcomes }));
        }
        var closedFacts = (await session.LoadAsync<CaseFacts>(closed))!;
        Assert.Equal([AbuseType.StalkingAndHarassment], closedFacts.AbuseTypes);
        Assert.Equal(new DateOnly(2026, 9, 30), closedFacts.ClosedOn);
        Assert.Equal(new OutcomeScores(7, 8, 6, 9), closedFacts.ExitOutcomes);
    }

    [Fact]
    public async Task The_migration_gives_cases_made_before_it_the_same_facts_the_projection_gives()
    {
        await CaseThroughItsLifeAsync(CaseService.Idva, close: false);
        await CaseThroughItsLifeAsync(CaseService.Isva, close: true);
        // A case opened and nothing more: no abuse types or outcomes yet.
        var client = await Get<RegisterClientHandler>().HandleAsync(Manager, SampleClients.Registration(), default);
        await Get<OpenCaseHandler>().HandleAsync(Manager, new OpenCase(client.ClientId, CaseService.Outreach, null, new DateOnly(2026, 6, 1)), default);
        var projected = await FactsAsync();

        var migration = await File.ReadAllTextAsync(RepositoryRoot.Combine("migrations", "0012_case_facts.sql"));
        var start = migration.IndexOf("insert into cms.mt_doc_casefacts", StringComparison.Ordinal);
        var backfill = migration[start..(migration.IndexOf("on conflict do nothing;", start, StringComparison.Ordinal) + "on conflict do nothing;".Length)];
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var forget = new NpgsqlCommand("delete from cms.mt_doc_casefacts", connection);
            await forget.ExecuteNonQueryAsync();
            await using var again = new NpgsqlCommand(backfill, connection);
            Assert.Equal(3, await again.ExecuteNonQueryAsync());
        }
        var backfilled = await FactsAsync();

        Assert.Equal(projected.Select(Json), backfilled.Select(Json));
        // And the duplicated columns the return chooses cases on.
        await using var session = Store.QuerySession(Workspace.Id);
        Assert.Single(await session.Query<CaseFacts>().Where(c => c.Service == CaseService.Isva && c.ClosedOn == new DateOnly(2026, 9, 30)).ToListAsync());
    }
}
