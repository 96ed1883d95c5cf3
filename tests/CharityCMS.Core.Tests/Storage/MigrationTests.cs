using CharityCMS.Storage;
using CharityCMS.TestSupport;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Weasel.Core;
using Weasel.Core.Migrations;

namespace CharityCMS.Core.Tests.Storage;

public class MigrationTests : DomainDatabase
{
    [Fact]
    public async Task Committed_migrations_create_exactly_the_schema_the_code_configures()
    {
        var migration = await Store.Storage.Database.CreateMigrationAsync();
        if (migration.Difference == SchemaPatchDifference.None) return;

        var pending = RepositoryRoot.Combine("artifacts", "pending-migration.sql");
        Directory.CreateDirectory(Path.GetDirectoryName(pending)!);
        await Store.Storage.Database.WriteMigrationFileAsync(pending);
        Assert.Fail(
            $"The committed SQL in migrations/ is out of date with the Marten configuration ({migration.Difference}). " +
            $"The missing SQL is in {pending}: review it and commit it as migrations/NNNN_what_changed.sql.");
    }

    [Fact]
    public async Task A_migrated_database_has_nothing_pending_and_a_second_apply_changes_nothing()
    {
        var migrations = Get<SchemaMigrations>();
        Assert.Empty(await migrations.PendingAsync(default));
        Assert.Empty(await migrations.ApplyAsync(default));
        Assert.NotEmpty(SchemaMigrations.Committed);
    }

    [Fact]
    public async Task An_applied_migration_whose_file_changed_is_reported_and_stops_the_next_start()
    {
        await using (var connection = new Npgsql.NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var tamper = new Npgsql.NpgsqlCommand("update cms.schema_migrations set checksum = 'edited-since'", connection);
            await tamper.ExecuteNonQueryAsync();
        }
        var migrations = Get<SchemaMigrations>();

        Assert.Equal(SchemaMigrations.Committed.Select(m => m.Name), await migrations.PendingAsync(default));
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => migrations.ApplyAsync(default));
        Assert.Contains("was changed after it was applied", refused.Message);
    }

    [Fact]
    public async Task An_empty_database_reports_every_committed_migration_as_pending()
    {
        var empty = await TestPostgres.CreateDatabaseAsync("empty", migrate: false);
        try
        {
            var pending = await new SchemaMigrations(empty).PendingAsync(default);
            Assert.Equal(SchemaMigrations.Committed.Select(m => m.Name), pending);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(empty);
        }
    }
}
