using CharityCMS.Workspaces;
using FluentValidation;
using JasperFx;
using Marten;

namespace CharityCMS.Grants;

/// <summary>Registers and edits the workspace's funders, and lists them. Managers only: funding is theirs to run.</summary>
public sealed class Funders(IDocumentStore store, IValidator<FunderDetails> validator, TimeProvider clock)
{
    public async Task<Guid> RegisterAsync(WorkspaceAccess access, FunderDetails details, CancellationToken ct)
    {
        access.Require(WorkspaceRole.Manager, "record funders");
        var tidy = details.Normalised();
        await validator.ValidateAndThrowAsync(tidy, ct);
        await using var session = store.LightweightSession(access.WorkspaceId);
        if (await session.Query<Funder>().AnyAsync(f => f.Name == tidy.Name, ct))
            throw new GrantRuleException($"There is already a funder called {tidy.Name}.");
        var id = Guid.CreateVersion7();
        session.Events.StartStream<Funder>(id, new FunderRegistered(tidy, access.Member, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        return id;
    }

    public async Task ChangeAsync(WorkspaceAccess access, Guid funderId, long expectedVersion, FunderDetails details, CancellationToken ct)
    {
        access.Require(WorkspaceRole.Manager, "edit funders");
        var tidy = details.Normalised();
        await validator.ValidateAndThrowAsync(tidy, ct);
        await using var session = store.LightweightSession(access.WorkspaceId);
        try
        {
            var stream = await session.Events.FetchForWriting<Funder>(funderId, expectedVersion, ct);
            var funder = stream.Aggregate ?? throw new FunderNotFoundException();
            if (funder.Details == tidy) return;
            if (await session.Query<Funder>().AnyAsync(f => f.Name == tidy.Name && f.Id != funderId, ct))
                throw new GrantRuleException($"There is already a funder called {tidy.Name}.");
            stream.AppendOne(new FunderDetailsChanged(tidy, access.Member, clock.GetUtcNow()));
            await session.SaveChangesAsync(ct);
        }
        catch (ConcurrencyException)
        {
            var latest = await session.LoadAsync<Funder>(funderId, ct) ?? throw new FunderNotFoundException();
            throw new GrantChangedElsewhereException(latest.LastChangedBy.Name, latest.LastChangedAt);
        }
    }

    public async Task<IReadOnlyList<Funder>> AllAsync(WorkspaceAccess access, CancellationToken ct)
    {
        access.Require(WorkspaceRole.Manager, "see funders");
        await using var session = store.QuerySession(access.WorkspaceId);
        return await session.Query<Funder>().OrderBy(f => f.Name).ToListAsync(ct);
    }

    public async Task<Funder> GetAsync(WorkspaceAccess access, Guid funderId, CancellationToken ct)
    {
        access.Require(WorkspaceRole.Manager, "see funders");
        await using var session = store.QuerySession(access.WorkspaceId);
        return await session.LoadAsync<Funder>(funderId, ct) ?? throw new FunderNotFoundException();
    }
}
