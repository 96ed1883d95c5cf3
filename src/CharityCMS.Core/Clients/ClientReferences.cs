using System.Collections.Concurrent;
using CharityCMS.Workspaces;
using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace CharityCMS.Clients;

/// <summary>
/// Hands out client references such as <c>RWA-000123</c>, one counter per workspace. The counter is
/// a row updated with <c>insert ... on conflict</c>, so two registrations at once queue on the row
/// lock rather than fail. The number is taken in its own statement: a registration that then fails
/// leaves a gap, never a duplicate (the reference is also unique in the client table).
/// A workspace's prefix never changes once it is created, so it is read once per process.
/// </summary>
public sealed class ClientReferences
{
    internal const string TableName = "client_reference_counters";

    private readonly ConcurrentDictionary<string, string> prefixes = new();

    public async Task<string> NextAsync(IDocumentSession session, CancellationToken ct)
    {
        var prefix = await PrefixAsync(session, ct);
        var numbers = await session.AdvancedSql.QueryAsync<int>(
            $"""
            insert into {session.DocumentStore.Options.DatabaseSchemaName}.{TableName} as c (tenant_id, last_number)
            values (?, 1)
            on conflict (tenant_id) do update set last_number = c.last_number + 1
            returning last_number
            """, ct, session.TenantId);
        return Format(prefix, numbers.Single());
    }

    private async ValueTask<string> PrefixAsync(IDocumentSession session, CancellationToken ct)
    {
        if (prefixes.TryGetValue(session.TenantId, out var prefix)) return prefix;
        var workspace = await session.LoadAsync<Workspace>(session.TenantId, ct)
            ?? throw new InvalidOperationException("The session's workspace does not exist.");
        return prefixes.GetOrAdd(session.TenantId, workspace.ClientReferencePrefix);
    }

    public static string Format(string prefix, int number) => $"{prefix}-{number:D6}";

    internal static Table CounterTable(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, TableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("tenant_id").AsPrimaryKey();
        table.AddColumn<int>("last_number").NotNull();
        return table;
    }
}
