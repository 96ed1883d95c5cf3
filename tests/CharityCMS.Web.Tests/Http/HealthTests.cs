using System.Net;
using CharityCMS.TestSupport;
using Npgsql;

namespace CharityCMS.Web.Tests.Http;

public class HealthTests(CharityApp app) : IClassFixture<CharityApp>
{
    [Fact]
    public async Task Live_and_ready_answer_200_without_signing_in_when_the_database_is_current()
    {
        var client = app.ClientFor(null);
        Assert.Equal(HttpStatusCode.OK, (await client.FetchAsync("/health/live")).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.FetchAsync("/health/ready")).Status);
    }

    [Fact]
    public async Task Ready_answers_503_while_PostgreSQL_refuses_connections_and_live_stays_200()
    {
        var database = new NpgsqlConnectionStringBuilder(app.ConnectionString).Database!;
        await SetConnectionsAllowedAsync(database, false);
        try
        {
            var client = app.ClientFor(null);
            var ready = await client.FetchAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
            Assert.DoesNotContain("Password", ready.Body, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(HttpStatusCode.OK, (await client.FetchAsync("/health/live")).Status);
        }
        finally
        {
            await SetConnectionsAllowedAsync(database, true);
        }
    }

    private static async Task SetConnectionsAllowedAsync(string database, bool allowed)
    {
        await using var connection = new NpgsqlConnection(TestPostgres.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"alter database \"{database}\" allow_connections {allowed.ToString().ToLowerInvariant()};" +
            (allowed ? "" : $"select pg_terminate_backend(pid) from pg_stat_activity where datname = '{database}';"), connection);
        await command.ExecuteNonQueryAsync();
        NpgsqlConnection.ClearAllPools();
    }
}

/// <summary>An app started on a database that never had the committed migrations.</summary>
public sealed class UnmigratedApp : CharityApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Storage:ApplyMigrationsAtStart"] = "false" };

    protected override Task<string> CreateDatabaseAsync() => TestPostgres.CreateDatabaseAsync(nameof(UnmigratedApp), migrate: false);
}

public class UnmigratedHealthTests(UnmigratedApp app) : IClassFixture<UnmigratedApp>
{
    [Fact]
    public async Task Ready_answers_503_while_migrations_are_pending()
    {
        var client = app.ClientFor(null);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.FetchAsync("/health/ready")).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.FetchAsync("/health/live")).Status);
    }
}
