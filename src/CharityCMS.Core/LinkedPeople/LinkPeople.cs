using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.Workspaces;
using FluentValidation;
using JasperFx;
using JasperFx.Events;
using Marten;

namespace CharityCMS.LinkedPeople;

/// <summary>Adds a child to her file, or (with an id and the version loaded) changes one.</summary>
public sealed record SaveChild(Guid ClientId, Guid? ChildId, long ExpectedVersion, ChildDetails Details);

/// <summary>Adds a perpetrator to her file, or (with an id and the version loaded) changes one.</summary>
public sealed record SavePerpetrator(Guid ClientId, Guid? PerpetratorId, long ExpectedVersion, PerpetratorDetails Details);

/// <summary>The people on one client's file, for her record page only.</summary>
public sealed record PeopleOnFile(IReadOnlyList<LinkedChild> Children, IReadOnlyList<Perpetrator> Perpetrators);

public sealed class SaveChildValidator : AbstractValidator<SaveChild>
{
    public SaveChildValidator(TimeProvider clock)
    {
        RuleFor(x => x.Details.Name).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("Enter the child's name.")
            .MaximumLength(100).WithMessage("Keep the name under 100 characters.")
            .StorableText("name");
        RuleFor(x => x.Details.DateOfBirth)
            .Must(d => d is null || d <= UkCalendar.Today(clock)).WithMessage("The date of birth cannot be in the future.")
            .Must(d => d is null || d > UkCalendar.Today(clock).AddYears(-30)).WithMessage("That date of birth makes the child over 30; check the year.");
        RuleFor(x => x.Details.School).OptionalLine("school");
        RuleFor(x => x.Details.SocialCare).IsInEnum();
        RuleFor(x => x.Details.SafeguardingConcern).OptionalNote("safeguarding concern");
    }
}

public sealed class SavePerpetratorValidator : AbstractValidator<SavePerpetrator>
{
    public SavePerpetratorValidator(TimeProvider clock)
    {
        RuleFor(x => x.Details.Name).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("Enter his name, or what she calls him.")
            .MaximumLength(100).WithMessage("Keep the name under 100 characters.")
            .StorableText("name");
        RuleFor(x => x.Details.Aliases).Must(a => a.Count <= 10).WithMessage("Record at most 10 other names.");
        RuleForEach(x => x.Details.Aliases).MaximumLength(100).WithMessage("Keep each other name under 100 characters.")
            .StorableText("other names");
        RuleFor(x => x.Details.DateOfBirth)
            .Must(d => d is null || d <= UkCalendar.Today(clock).AddYears(-10)).WithMessage("That date of birth makes him under 10; check it.")
            .Must(d => d is null || d > UkCalendar.Today(clock).AddYears(-110)).WithMessage("That date of birth makes him over 110; check the year.");
        RuleFor(x => x.Details.Relationship).IsInEnum();
        RuleFor(x => x.Details.Description).OptionalNote("description");
        RuleFor(x => x.Details.PoliceReference).OptionalLine("police reference");
        RuleFor(x => x.Details.BailOrOrderConditions).OptionalNote("conditions");
    }
}

/// <summary>The children and perpetrators on a client's file: read on her record, saved with stream versions.</summary>
public sealed class PeopleOnFileHandler(IDocumentStore store, CaseloadGuard guard, IValidator<SaveChild> childRules, IValidator<SavePerpetrator> perpetratorRules, TimeProvider clock)
{
    public async Task<PeopleOnFile> ForClientAsync(WorkspaceAccess access, Guid clientId, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "see the people on a client's file");
        await using var session = store.QuerySession(access.WorkspaceId);
        await guard.RequireAsync(session, access, clientId, ct);
        var children = await session.Query<LinkedChild>().Where(c => c.ClientId == clientId).ToListAsync(ct);
        var perpetrators = await session.Query<Perpetrator>().Where(p => p.ClientId == clientId).ToListAsync(ct);
        return new PeopleOnFile(children.OrderBy(c => c.Details.DateOfBirth).ToList(), perpetrators.OrderBy(p => p.LastChangedAt).ToList());
    }

    public async Task SaveChildAsync(WorkspaceAccess access, SaveChild command, CancellationToken ct)
    {
        await childRules.ValidateAndThrowAsync(command, ct);
        var details = command.Details.Normalised();
        await SaveAsync<LinkedChild>(access, command.ClientId, command.ChildId, command.ExpectedVersion,
            (by, at) => new ChildLinked(command.ClientId, details, by, at),
            (current, by, at) => current.Details == details ? null : new ChildDetailsChanged(details, by, at), c => (c.ClientId, c.LastChangedBy, c.LastChangedAt), ct);
    }

    public async Task SavePerpetratorAsync(WorkspaceAccess access, SavePerpetrator command, CancellationToken ct)
    {
        await perpetratorRules.ValidateAndThrowAsync(command, ct);
        var details = command.Details.Normalised();
        await SaveAsync<Perpetrator>(access, command.ClientId, command.PerpetratorId, command.ExpectedVersion,
            (by, at) => new PerpetratorLinked(command.ClientId, details, by, at),
            (current, by, at) => current.Details.Equals(details) ? null : new PerpetratorDetailsChanged(details, by, at), p => (p.ClientId, p.LastChangedBy, p.LastChangedAt), ct);
    }

    private async Task SaveAsync<TPerson>(WorkspaceAccess access, Guid clientId, Guid? personId, long expectedVersion,
        Func<StaffMember, DateTimeOffset, WorkspaceEvent> link, Func<TPerson, StaffMember, DateTimeOffset, WorkspaceEvent?> change,
        Func<TPerson, (Guid ClientId, StaffMember By, DateTimeOffset At)> stamp, CancellationToken ct) where TPerson : class
    {
        access.Require(WorkspaceRoles.ClientRecords, "change the people on a client's file");
        await using var session = store.LightweightSession(access.WorkspaceId);
        if (await session.LoadAsync<Client>(clientId, ct) is null) throw new ClientNotFoundException();
        await guard.RequireAsync(session, access, clientId, ct);
        var now = clock.GetUtcNow();
        if (personId is not { } id)
        {
            session.Events.StartStream<TPerson>(Guid.CreateVersion7(), link(access.Member, now));
            await session.SaveChangesAsync(ct);
            return;
        }
        try
        {
            var stream = await session.Events.FetchForWriting<TPerson>(id, expectedVersion, ct);
            if (stream.Aggregate is not { } current || stamp(current).ClientId != clientId) throw new CaseworkRuleException("That person is not on this client's file.");
            if (change(current, access.Member, now) is not { } changed) return;
            stream.AppendOne(changed);
            await session.SaveChangesAsync(ct);
        }
        catch (ConcurrencyException)
        {
            var latest = await session.LoadAsync<TPerson>(id, ct);
            var (_, by, at) = latest is null ? (clientId, access.Member, now) : stamp(latest);
            throw new CaseChangedElsewhereException(by.Name, at);
        }
    }
}

internal static class LinkedPeopleStorage
{
    public static void Register(StoreOptions options)
    {
        options.Projections.Snapshot<LinkedChild>(JasperFx.Events.Projections.SnapshotLifecycle.Inline);
        options.Projections.Snapshot<Perpetrator>(JasperFx.Events.Projections.SnapshotLifecycle.Inline);
        options.Schema.For<LinkedChild>().StartIndexesByTenantId().Duplicate(x => x.ClientId);
        options.Schema.For<Perpetrator>().StartIndexesByTenantId().Duplicate(x => x.ClientId);
    }
}
