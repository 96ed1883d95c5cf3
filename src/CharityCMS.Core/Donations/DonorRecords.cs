using CharityCMS.Workspaces;
using Marten;

namespace CharityCMS.Donations;

/// <summary>A donor in the list: what fundraisers look for and sort by.</summary>
public sealed record DonorRow(Guid Id, string Name, string? Email, DateTimeOffset FirstGaveAt, long GivenPence, int Gifts, bool GivesMonthly, bool HasGiftAid);

/// <summary>One donor with everything she gave: gifts newest first, monthly gifts, declarations.</summary>
public sealed record DonorView(Donor Donor, IReadOnlyList<Donation> Donations, IReadOnlyList<RecurringGift> RecurringGifts)
{
    public long GivenPence => Donations.Sum(d => d.NetPence);
}

public sealed class DonorNotFoundException() : Exception("That donor is not in this workspace.");

/// <summary>
/// Donor records, for fundraisers and workspace admins only. A separate world from clients: nothing
/// here reads a client, and no client page reads a donor.
/// </summary>
public sealed class DonorRecords(IDocumentStore store, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<IReadOnlyList<DonorRow>> FindAsync(WorkspaceAccess access, string? search, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.Fundraising, "see donors");
        await using var session = store.QuerySession(access.WorkspaceId);
        var term = Text.Tidy(search ?? "");
        var query = session.Query<Donor>().AsQueryable();
        if (term.Length > 0)
            query = query.Where(d => d.Name!.Contains(term, StringComparison.OrdinalIgnoreCase) || d.Email!.Contains(term, StringComparison.OrdinalIgnoreCase));
        var donors = await query.OrderByDescending(d => d.FirstGaveAt).Take(PageSize).ToListAsync(ct);
        var ids = donors.Select(d => d.Id).ToArray();
        var donations = await session.Query<Donation>().Where(d => d.DonorId.IsOneOf(ids)).ToListAsync(ct);
        var monthly = await session.Query<RecurringGift>().Where(g => g.DonorId.IsOneOf(ids)).ToListAsync(ct);
        return donors.Select(d =>
        {
            var gifts = donations.Where(g => g.DonorId == d.Id && g.IsReceived).ToList();
            return new DonorRow(d.Id, d.Name ?? "Name not given", d.Email, d.FirstGaveAt, gifts.Sum(g => g.NetPence), gifts.Count,
                monthly.Any(g => g.DonorId == d.Id && g.IsActive), d.Declarations.Any(x => x.CancelledOn is null));
        }).ToList();
    }

    public async Task<DonorView> GetAsync(WorkspaceAccess access, Guid donorId, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.Fundraising, "see donors");
        await using var session = store.QuerySession(access.WorkspaceId);
        var donor = await session.LoadAsync<Donor>(donorId, ct) ?? throw new DonorNotFoundException();
        var donations = await session.Query<Donation>().Where(d => d.DonorId == donorId).ToListAsync(ct);
        var monthly = await session.Query<RecurringGift>().Where(g => g.DonorId == donorId).ToListAsync(ct);
        return new DonorView(donor,
            donations.OrderByDescending(d => d.ReceivedAt).ToList(),
            monthly.OrderByDescending(g => g.StartedAt).ToList());
    }

    /// <summary>Her answer to hearing from the charity by email, as she gave it to a fundraiser. Dated, so the record shows when.</summary>
    public async Task<Donor> ChangeEmailConsentAsync(WorkspaceAccess access, Guid donorId, bool consent, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.Fundraising, "change a donor's preferences");
        await using var session = store.LightweightSession(access.WorkspaceId);
        var donor = await session.LoadAsync<Donor>(donorId, ct) ?? throw new DonorNotFoundException();
        if (consent && donor.Email is null) throw new DonationRuleException("There is no email address for this donor to say yes to.");
        if (donor.EmailConsent == consent) return donor;
        session.Events.Append(donorId, new DonorEmailConsentChanged(consent, access.Member.Name, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        return (await GetAsync(access, donorId, ct)).Donor;
    }

    /// <summary>She cancelled a Gift Aid declaration: no gift from that day on is claimed under it.</summary>
    public async Task<Donor> CancelDeclarationAsync(WorkspaceAccess access, Guid donorId, Guid declarationId, DateOnly cancelledOn, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.Fundraising, "cancel a Gift Aid declaration");
        await using var session = store.LightweightSession(access.WorkspaceId);
        var donor = await session.LoadAsync<Donor>(donorId, ct) ?? throw new DonorNotFoundException();
        var declaration = donor.Declarations.SingleOrDefault(d => d.Id == declarationId)
            ?? throw new DonationRuleException("That declaration is not on this donor's record.");
        if (declaration.CancelledOn is not null) throw new DonationRuleException($"That declaration was already cancelled on {declaration.CancelledOn:d MMM yyyy}.");
        if (cancelledOn < declaration.MadeOn) throw new DonationRuleException($"A declaration cannot be cancelled before it was made ({declaration.MadeOn:d MMM yyyy}).");
        if (cancelledOn > UkCalendar.Today(clock)) throw new DonationRuleException("The cancellation date cannot be in the future.");
        session.Events.Append(donorId, new GiftAidDeclarationCancelled(declarationId, cancelledOn, access.Member.Name, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        return (await GetAsync(access, donorId, ct)).Donor;
    }
}

/// <summary>A fundraiser asked for something the records do not allow; the message says why, in plain words.</summary>
public sealed class DonationRuleException(string message) : Exception(message);
