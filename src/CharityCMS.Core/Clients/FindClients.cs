using CharityCMS.Workspaces;
using FluentValidation;
using Marten;
using Marten.Pagination;

namespace CharityCMS.Clients;

public enum ClientSort
{
    Name,
    Reference,
    Registered,
}

/// <summary>A page of the client list: search term, sort and page. The search runs on the server.</summary>
public sealed record FindClients(string? Term, ClientSort Sort = ClientSort.Name, bool Descending = false, int Page = 1, int PageSize = 25)
{
    public static readonly int[] PageSizes = [10, 25, 50, 100];
}

/// <summary>One line of the client list. Deliberately holds no address, phone or email.</summary>
public sealed class ClientListRow
{
    public Guid Id { get; init; }
    public string Reference { get; init; } = "";
    public string LegalName { get; init; } = "";
    public string? PreferredName { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public int? ApproximateAge { get; init; }
    public DateOnly AgeRecordedOn { get; init; }
    public DateTimeOffset RegisteredAt { get; init; }

    public string DisplayName => string.IsNullOrWhiteSpace(PreferredName) ? LegalName : PreferredName;

    public int? AgeOn(DateOnly day) => ClientAge.On(day, DateOfBirth, ApproximateAge, AgeRecordedOn);
}

public sealed record ClientPage(IReadOnlyList<ClientListRow> Rows, long Total);

public sealed class FindClientsValidator : AbstractValidator<FindClients>
{
    public FindClientsValidator()
    {
        RuleFor(x => x.Term).MaximumLength(100).WithMessage("Search for at most 100 characters.");
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1).WithMessage("Pages start at 1.");
        RuleFor(x => x.PageSize).Must(FindClients.PageSizes.Contains).WithMessage("Choose 10, 25, 50 or 100 clients a page.");
        RuleFor(x => x.Sort).IsInEnum().WithMessage("That is not a way to sort clients.");
    }
}

public sealed class FindClientsHandler(IDocumentStore store, IValidator<FindClients> validator, TimeProvider clock)
{
    public async Task<ClientPage> HandleAsync(WorkspaceAccess access, FindClients query, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "search clients");
        await validator.ValidateAndThrowAsync(query, ct);

        await using var session = store.QuerySession(access.WorkspaceId);
        var matching = Matching(session, query.Term);
        // A caseworker finds only the clients she reaches: being on the books is itself sensitive.
        if (await Cases.CaseloadGuard.ReachableClientsAsync(session, access, clock.GetUtcNow(), ct) is { } reachable)
        {
            var ids = reachable.ToArray();
            matching = matching.Where(c => c.Id.IsOneOf(ids));
        }
        var clients = (query.Sort, query.Descending) switch
        {
            (ClientSort.Reference, false) => matching.OrderBy(c => c.Reference),
            (ClientSort.Reference, true) => matching.OrderByDescending(c => c.Reference),
            (ClientSort.Registered, false) => matching.OrderBy(c => c.RegisteredAt).ThenBy(c => c.Reference),
            (ClientSort.Registered, true) => matching.OrderByDescending(c => c.RegisteredAt).ThenBy(c => c.Reference),
            (_, false) => matching.OrderBy(c => c.SortName).ThenBy(c => c.Reference),
            (_, true) => matching.OrderByDescending(c => c.SortName).ThenBy(c => c.Reference),
        };

        var page = await clients
            .Select(c => new ClientListRow
            {
                Id = c.Id,
                Reference = c.Reference,
                LegalName = c.Details.LegalName,
                PreferredName = c.Details.PreferredName,
                DateOfBirth = c.Details.DateOfBirth,
                ApproximateAge = c.Details.ApproximateAge,
                AgeRecordedOn = c.AgeRecordedOn,
                RegisteredAt = c.RegisteredAt,
            })
            .ToPagedListAsync(query.Page, query.PageSize, ct);
        // The total rides on the rows (a window count), so a page past the end needs a count of its own,
        // on a fresh query: Marten keeps paging statistics on the first one.
        var total = page.Count == 0 && query.Page > 1 ? await Matching(session, query.Term).CountAsync(ct) : page.TotalItemCount;
        return new ClientPage(page.ToList(), total);
    }

    private static IQueryable<Client> Matching(IQuerySession session, string? term)
    {
        IQueryable<Client> clients = session.Query<Client>();
        foreach (var word in ClientSearchText.Terms(term ?? ""))
            clients = clients.Where(c => c.SearchText.Contains(word));
        return clients;
    }
}
