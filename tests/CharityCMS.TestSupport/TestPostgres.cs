using System.Diagnostics;
using CharityCMS.Storage;
using Npgsql;

namespace CharityCMS.TestSupport;

/// <summary>
/// The test run's private PostgreSQL cluster. ./test.sh starts one for the whole run and passes its
/// admin connection string in CHARITYCMS_TEST_POSTGRES; a test started any other way (an IDE,
/// a bare dotnet test) starts its own with the same script, build/postgres.sh, and stops it at exit.
/// </summary>
public static class TestPostgres
{
    public const string EnvironmentVariable = "CHARITYCMS_TEST_POSTGRES";

    private static readonly Lazy<string> Admin = new(StartOrFind, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string AdminConnectionString => Admin.Value;

    /// <summary>Creates an empty database with a unique name; with <paramref name="migrate"/>, applies the committed schema.</summary>
    public static async Task<string> CreateDatabaseAsync(string purpose, bool migrate = true)
    {
        var label = new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(30).ToArray());
        var name = $"t_{label}_{Guid.NewGuid():N}"[..(label.Length + 19)];
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"create database \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
        if (migrate) await new SchemaMigrations(connectionString).ApplyAsync(CancellationToken.None);
        return connectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists \"{name}\" with (force)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static string StartOrFind()
    {
        var fromScript = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromScript)) return fromScript;

        var folder = Directory.CreateTempSubdirectory("charitycms-test-pg-").FullName;
        // The postgres user (as root) must reach the folder; a fresh temp folder is private to its creator.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        var connection = Bash($"pg_find_binaries && pg_init '{folder}/pg' && port=$(pg_free_port) && pg_start '{folder}/pg' \"$port\" && pg_connection '{folder}/pg' \"$port\"");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            Bash($"pg_find_binaries && pg_stop '{folder}/pg'");
            Directory.Delete(folder, recursive: true);
        };
        return connection;
    }

    private static string Bash(string script)
    {
        var start = new ProcessStartInfo("bash", ["-c", $"source '{RepositoryRoot.Combine("build", "postgres.sh")}' && {script}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"build/postgres.sh failed: {error}");
        return output.Trim();
    }
}
