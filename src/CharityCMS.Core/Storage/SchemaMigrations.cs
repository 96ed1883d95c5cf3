using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace CharityCMS.Storage;

/// <summary>One committed SQL file from <c>migrations/</c>, carried in this assembly, with its line endings made "\n".</summary>
public sealed record Migration(string Name, string Sql)
{
    // The checksum is of the text with "\n" line endings, so a checkout that writes "\r\n" still matches.
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));
}

/// <summary>
/// Applies the committed schema SQL in name order, each file once, under an advisory lock so two
/// nodes starting together do not race. A file changed after it was applied stops the start:
/// shipped migrations are never edited, only followed by new ones.
/// </summary>
public sealed class SchemaMigrations(string connectionString)
{
    private const string Ledger = CharityStore.SchemaName + ".schema_migrations";
    private const long LockKey = 0x4348_4152_4954_59; // "CHARITY"

    public static IReadOnlyList<Migration> Committed { get; } = LoadCommitted();

    public async Task<IReadOnlyList<string>> ApplyAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await ExecuteAsync(connection, $"select pg_advisory_xact_lock({LockKey})", ct);
        await ExecuteAsync(connection, $"""
            create schema if not exists {CharityStore.SchemaName};
            create table if not exists {Ledger} (
                name text primary key,
                checksum text not null,
                applied_at timestamptz not null default now());
            """, ct);

        var applied = await AppliedAsync(connection, ct);
        var newlyApplied = new List<string>();
        foreach (var migration in Committed)
        {
            if (applied.TryGetValue(migration.Name, out var checksum))
            {
                if (checksum != migration.Checksum)
                    throw new InvalidOperationException(
                        $"Migration {migration.Name} was changed after it was applied. Restore it and add a new migration instead.");
                continue;
            }
            await ExecuteAsync(connection, migration.Sql, ct);
            await using var record = new NpgsqlCommand($"insert into {Ledger} (name, checksum) values ($1, $2)", connection);
            record.Parameters.AddWithValue(migration.Name);
            record.Parameters.AddWithValue(migration.Checksum);
            await record.ExecuteNonQueryAsync(ct);
            newlyApplied.Add(migration.Name);
        }
        await transaction.CommitAsync(ct);
        return newlyApplied;
    }

    /// <summary>
    /// The committed migrations this database has not had yet, and any applied one whose file has
    /// changed since. Empty means the schema is current.
    /// </summary>
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("select to_regclass($1) is not null", connection);
        exists.Parameters.AddWithValue(Ledger);
        if (!(bool)(await exists.ExecuteScalarAsync(ct))!) return Committed.Select(m => m.Name).ToList();
        var applied = await AppliedAsync(connection, ct);
        return Committed
            .Where(m => !applied.TryGetValue(m.Name, out var checksum) || checksum != m.Checksum)
            .Select(m => m.Name)
            .ToList();
    }

    private static async Task<Dictionary<string, string>> AppliedAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var applied = new Dictionary<string, string>();
        await using var command = new NpgsqlCommand($"select name, checksum from {Ledger}", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) applied[reader.GetString(0)] = reader.GetString(1);
        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static IReadOnlyList<Migration> LoadCommitted()
    {
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("migrations/", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return new Migration(n["migrations/".Length..], reader.ReadToEnd().ReplaceLineEndings("\n"));
            })
            .ToList();
    }
}
