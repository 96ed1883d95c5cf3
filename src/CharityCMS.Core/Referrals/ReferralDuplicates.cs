using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.Workspaces;
using Marten;

namespace CharityCMS.Referrals;

/// <summary>
/// An existing client who may be the woman referred. Only what tells them apart: reference, name,
/// date of birth. A client outside the caseworker's caseload shows her reference alone (name and
/// date of birth are null, and <see cref="OutsideCaseload"/> is set): the suggestions must not be a
/// way to read records she cannot open. <see cref="Reach"/> says how the member reaches her, so triage
/// can tell a client on her caseload from one she reaches only by breaking the glass (whose case she cannot take).
/// </summary>
public sealed record PossibleDuplicate(Guid ClientId, string Reference, string? Name, DateOnly? DateOfBirth, bool SameDateOfBirth, ClientReach Reach)
{
    public bool OutsideCaseload => Reach == ClientReach.None;

    public static PossibleDuplicate Of(Client client, bool sameDateOfBirth, ClientReach reach) => reach == ClientReach.None
        ? new(client.Id, client.Reference, null, null, false, reach)
        : new(client.Id, client.Reference, client.Details.LegalName, client.Details.DateOfBirth, sameDateOfBirth, reach);
}

/// <summary>
/// Before accepting, the clients who may already be her: a name that resembles hers (trigram word
/// similarity over the client search text, so "Jayne Smyth" finds "Jane Smith") or the same date of birth.
/// </summary>
public sealed class ReferralDuplicates(IDocumentStore store, TimeProvider clock)
{
    public const double NameSimilarity = 0.5;
    public const int Limit = 10;

    public async Task<IReadOnlyList<PossibleDuplicate>> FindAsync(WorkspaceAccess access, Guid referralId, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "triage referrals");
        await using var session = store.QuerySession(access.WorkspaceId);
        var referral = await session.LoadAsync<Referral>(referralId, ct) ?? throw new ReferralNotFoundException();
        var name = Text.Tidy(referral.Person.Name).ToLowerInvariant();
        var born = referral.Person.DateOfBirth?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        var matches = born is null
            ? await session.AdvancedSql.QueryAsync<Guid>(
                $"""
                select id from {schema}.mt_doc_client
                where tenant_id = ? and word_similarity(?, search_text) >= ?
                order by word_similarity(?, search_text) desc
                limit {Limit}
                """, ct, session.TenantId, name, NameSimilarity, name)
            : await session.AdvancedSql.QueryAsync<Guid>(
                $"""
                select id from {schema}.mt_doc_client
                where tenant_id = ? and (word_similarity(?, search_text) >= ? or data -> 'details' ->> 'dateOfBirth' = ?)
                order by word_similarity(?, search_text) desc
                limit {Limit}
                """, ct, session.TenantId, name, NameSimilarity, born, name);
        var ids = matches.ToList();
        if (ids.Count == 0) return [];

        var clients = await session.LoadManyAsync<Client>(ct, ids);
        var reaches = await CaseloadGuard.ReachesAsync(session, access, clock.GetUtcNow(), ct);
        bool SameDateOfBirth(Client c) => born is not null && c.Details.DateOfBirth == referral.Person.DateOfBirth;
        ClientReach ReachOf(Client c) => reaches is null ? ClientReach.Manager : reaches.GetValueOrDefault(c.Id, ClientReach.None);
        // Clients outside her caseload go last, so their order does not hint at their date of birth.
        return clients
            .Select(c => PossibleDuplicate.Of(c, SameDateOfBirth(c), ReachOf(c)))
            .OrderBy(d => d.OutsideCaseload)
            .ThenByDescending(d => d.SameDateOfBirth)
            .ThenBy(d => ids.IndexOf(d.ClientId))
            .ToList();
    }

    /// <summary>The client with this reference, when the worker knows her to be someone the suggestions missed.</summary>
    public async Task<PossibleDuplicate?> FindByReferenceAsync(WorkspaceAccess access, string reference, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "triage referrals");
        var wanted = Text.Tidy(reference).ToUpperInvariant();
        if (wanted.Length is 0 or > 20) return null;
        await using var session = store.QuerySession(access.WorkspaceId);
        var client = await session.Query<Client>().FirstOrDefaultAsync(c => c.Reference == wanted, ct);
        return client is null ? null
            : PossibleDuplicate.Of(client, false, await CaseloadGuard.ReachAsync(session, access, client.Id, clock.GetUtcNow(), ct));
    }
}
