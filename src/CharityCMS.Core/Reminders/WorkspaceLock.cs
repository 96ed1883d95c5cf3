using Marten;
using Marten.Services;
using Npgsql;

namespace CharityCMS.Reminders;

/// <summary>
/// A transaction in one workspace's tenant that first takes a PostgreSQL advisory lock on a key, so
/// the same work run twice at once (a retry, two nodes) runs one after the other and the second
/// sees what the first committed. The lock ends with the transaction.
/// </summary>
internal sealed class WorkspaceLock : IAsyncDisposable
{
    // The first half of the two-part advisory lock key: what is being done. The second is hashtext(key).
    public const int Reminders = 0x5245_4D31; // "REM1"
    public const int Digest = 0x4447_5331;    // "DGS1"
    public const int GrantReminders = 0x4752_4D31; // "GRM1"
    public const int Receipts = 0x5243_5031; // "RCP1"

    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;

    private WorkspaceLock(NpgsqlConnection connection, NpgsqlTransaction transaction, IDocumentSession session)
    {
        this.connection = connection;
        this.transaction = transaction;
        Session = session;
    }

    /// <summary>The workspace's session, inside the locked transaction. Saving it does not commit; <see cref="CommitAsync"/> does.</summary>
    public IDocumentSession Session { get; }

    public static async Task<WorkspaceLock> TakeAsync(IDocumentStore store, string workspaceId, int purpose, string key, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        try
        {
            await connection.OpenAsync(ct);
            var transaction = await connection.BeginTransactionAsync(ct);
            await using (var take = new NpgsqlCommand("select pg_advisory_xact_lock($1, hashtext($2))", connection, transaction))
            {
                take.Parameters.AddWithValue(purpose);
                take.Parameters.AddWithValue(key);
                await take.ExecuteNonQueryAsync(ct);
            }
            var options = SessionOptions.ForTransaction(transaction, false);
            options.TenantId = workspaceId;
            return new WorkspaceLock(connection, transaction, store.LightweightSession(options));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        await Session.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
