using Marten;

namespace CharityCMS.SignIn;

/// <summary>
/// One sign-in of a staff member, from sign-in to sign-out. The session cookie names it, so signing
/// out (or being signed out for inactivity) in one tab ends it in every other tab and browser too.
/// Platform-wide: a sign-in happens before any workspace is chosen.
/// </summary>
public sealed record SignInSession(Guid Id, string ObjectId, DateTimeOffset StartedAt, DateTimeOffset? EndedAt = null);

public sealed class SignInSessions(IDocumentStore store, TimeProvider clock)
{
    public async Task<Guid> StartAsync(string objectId, CancellationToken ct)
    {
        var session = new SignInSession(Guid.NewGuid(), objectId, clock.GetUtcNow());
        await using var documents = store.LightweightSession();
        documents.Insert(session);
        await documents.SaveChangesAsync(ct);
        return session.Id;
    }

    public async Task EndAsync(Guid id, CancellationToken ct)
    {
        await using var documents = store.LightweightSession();
        if (await documents.LoadAsync<SignInSession>(id, ct) is { EndedAt: null } open)
        {
            documents.Store(open with { EndedAt = clock.GetUtcNow() });
            await documents.SaveChangesAsync(ct);
        }
    }

    public async Task<bool> IsOpenAsync(Guid id, CancellationToken ct)
    {
        await using var documents = store.QuerySession();
        return await documents.LoadAsync<SignInSession>(id, ct) is { EndedAt: null };
    }
}

internal static class SignInStorage
{
    public static void Register(StoreOptions options) => options.Schema.For<SignInSession>().SingleTenanted();
}
