using CharityCMS.Clients;
using CharityCMS.Donations;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using Marten;

namespace CharityCMS.Core.Tests.Donations;

/// <summary>Donor records for fundraisers: search, her page, her email preference and cancelled declarations, and the wall with casework.</summary>
public class DonorRecordsTests : DomainDatabase
{
    private TestWorkspace workspace = null!;
    private WorkspaceAccess fundraiser = null!;

    private DonorRecords Donors => Get<DonorRecords>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        workspace = await TestWorkspace.CreateAsync(Store);
        fundraiser = (await workspace.AddMemberAsync("Fay Fundraiser", WorkspaceRole.Fundraiser)).Access;
    }

    private async Task<Guid> DonorAsync(string customer, string name, string? email, params (string PaymentIntent, long Pence, long Refunded)[] gifts)
    {
        var donorId = StripeIds.Donor(customer);
        await using var session = Store.LightweightSession(workspace.Id);
        session.Events.Append(donorId, new DonorRecorded(customer, name, email, email is not null, Clock.GetUtcNow()));
        foreach (var (paymentIntent, pence, refunded) in gifts)
        {
            session.Events.Append(StripeIds.Donation(paymentIntent),
                new DonationReceived(donorId, paymentIntent, pence, "gbp", DonationKind.OneOff, null, null, Clock.GetUtcNow()));
            if (refunded > 0) session.Events.Append(StripeIds.Donation(paymentIntent), new DonationRefunded(refunded, Clock.GetUtcNow()));
        }
        await session.SaveChangesAsync();
        return donorId;
    }

    private async Task<Guid> DeclareAsync(Guid donorId, DateOnly madeOn)
    {
        var declarationId = Guid.NewGuid();
        await using var session = Store.LightweightSession(workspace.Id);
        session.Events.Append(donorId, new GiftAidDeclarationMade(declarationId, new GiftAidDeclarant(null, "Dana", "Donor", "12", "Mill Lane", "NS1 2AB"),
            DeclarationMethod.Online, madeOn, Clock.GetUtcNow()));
        await session.SaveChangesAsync();
        return declarationId;
    }

    [Fact]
    public async Task Donors_are_found_by_part_of_a_name_or_email_with_what_they_kept_after_refunds()
    {
        var dana = await DonorAsync("cus_1", "Dana Donor", "dana@example.org", ("pi_1", 2500, 0), ("pi_2", 1000, 400));
        await DonorAsync("cus_2", "Gita Giver", "gita@example.net", ("pi_3", 500, 0));

        var found = await Donors.FindAsync(fundraiser, "  dana ", default);
        var byEmail = await Donors.FindAsync(fundraiser, "EXAMPLE.NET", default);

        var row = Assert.Single(found);
        Assert.Equal((dana, 3100L, 2), (row.Id, row.GivenPence, row.Gifts));
        Assert.Equal("Gita Giver", Assert.Single(byEmail).Name);
        Assert.Equal(2, (await Donors.FindAsync(fundraiser, null, default)).Count);
        Assert.Equal(3100, (await Donors.GetAsync(fundraiser, dana, default)).GivenPence);
    }

    [Fact]
    public async Task A_donor_and_a_client_with_the_same_name_never_meet()
    {
        var caseworker = (await workspace.AddMemberAsync("Cara Caseworker", WorkspaceRole.Caseworker)).Access;
        var client = await Get<RegisterClientHandler>().HandleAsync(caseworker, SampleClients.Registration("Dana Samename"), default);
        var donor = await DonorAsync("cus_1", "Dana Samename", "dana@example.org", ("pi_1", 2500, 0));

        var donors = await Donors.FindAsync(fundraiser, "Samename", default);
        var clients = await Get<FindClientsHandler>().HandleAsync(caseworker, new FindClients("Samename"), default);

        Assert.Equal([donor], donors.Select(d => d.Id));
        Assert.Equal([client.ClientId], clients.Rows.Select(r => r.Id));
        await Assert.ThrowsAsync<DonorNotFoundException>(() => Donors.GetAsync(fundraiser, client.ClientId, default));
    }

    [Fact]
    public async Task Only_fundraisers_and_workspace_admins_see_donors()
    {
        var donor = await DonorAsync("cus_1", "Dana Donor", "dana@example.org");
        foreach (var role in new[] { WorkspaceRole.Caseworker, WorkspaceRole.Manager })
        {
            var (_, access) = await workspace.AddMemberAsync($"{role} Person", role);
            await Assert.ThrowsAsync<AccessDeniedException>(() => Donors.FindAsync(access, null, default));
            await Assert.ThrowsAsync<AccessDeniedException>(() => Donors.GetAsync(access, donor, default));
            await Assert.ThrowsAsync<AccessDeniedException>(() => Get<FundraisingDashboard>().OverviewAsync(access, default));
        }
        var (_, admin) = await workspace.AddMemberAsync("Ada Admin", WorkspaceRole.WorkspaceAdmin);
        Assert.Single(await Donors.FindAsync(admin, null, default));
    }

    [Fact]
    public async Task Her_email_preference_is_changed_with_the_date_and_only_with_an_address_to_say_yes_to()
    {
        var dana = await DonorAsync("cus_1", "Dana Donor", "dana@example.org");
        var noEmail = await DonorAsync("cus_2", "Nia Noemail", null);
        Clock.Advance(TimeSpan.FromDays(3));

        var changed = await Donors.ChangeEmailConsentAsync(fundraiser, dana, false, default);

        Assert.False(changed.EmailConsent);
        Assert.Equal(Clock.GetUtcNow(), changed.EmailConsentChangedAt);
        var refused = await Assert.ThrowsAsync<DonationRuleException>(() => Donors.ChangeEmailConsentAsync(fundraiser, noEmail, true, default));
        Assert.Contains("no email address", refused.Message);
    }

    [Fact]
    public async Task A_cancelled_declaration_stops_covering_gifts_from_the_day_it_was_cancelled()
    {
        var dana = await DonorAsync("cus_1", "Dana Donor", "dana@example.org");
        var declarationId = await DeclareAsync(dana, new DateOnly(2026, 6, 1));

        var donor = await Donors.CancelDeclarationAsync(fundraiser, dana, declarationId, new DateOnly(2026, 11, 1), default);

        var declaration = Assert.Single(donor.Declarations);
        Assert.True(declaration.Covers(new DateOnly(2026, 10, 31)));
        Assert.True(declaration.Covers(new DateOnly(2022, 6, 1)));
        Assert.False(declaration.Covers(new DateOnly(2022, 5, 31)));
        Assert.False(declaration.Covers(new DateOnly(2026, 11, 1)));
        await Assert.ThrowsAsync<DonationRuleException>(() => Donors.CancelDeclarationAsync(fundraiser, dana, declarationId, new DateOnly(2026, 11, 2), default));
        await Assert.ThrowsAsync<DonationRuleException>(() => Donors.CancelDeclarationAsync(fundraiser, dana, Guid.NewGuid(), new DateOnly(2026, 11, 2), default));
    }

    [Fact]
    public async Task A_declaration_cannot_be_cancelled_before_it_was_made_or_in_the_future()
    {
        var dana = await DonorAsync("cus_1", "Dana Donor", "dana@example.org");
        var declarationId = await DeclareAsync(dana, new DateOnly(2026, 6, 1));

        await Assert.ThrowsAsync<DonationRuleException>(() => Donors.CancelDeclarationAsync(fundraiser, dana, declarationId, new DateOnly(2026, 5, 31), default));
        await Assert.ThrowsAsync<DonationRuleException>(() => Donors.CancelDeclarationAsync(fundraiser, dana, declarationId, new DateOnly(2026, 11, 26), default));
    }

    [Fact]
    public async Task The_dashboard_shows_gift_aid_claimed_and_what_could_be_claimed_now()
    {
        var dana = await DonorAsync("cus_1", "Dana Donor", "dana@example.org", ("pi_1", 2000, 0), ("pi_2", 4000, 0), ("pi_3", 1000, 1000));
        await DeclareAsync(dana, UkCalendar.Today(Clock));
        var claims = Get<CharityCMS.Donations.GiftAid.GiftAidClaims>();
        var claim = await claims.DraftAsync(fundraiser, new CharityCMS.Donations.GiftAid.DraftGiftAidClaim([StripeIds.Donation("pi_1")], false), default);
        await claims.ConfirmAsync(fundraiser, claim, default);

        var overview = await Get<FundraisingDashboard>().OverviewAsync(fundraiser, default);

        // £20 claimed gives £5; the £40 gift is claimable (£10); the refunded £10 gift is neither.
        Assert.Equal((500L, 1000L), (overview.GiftAidClaimedPence, overview.GiftAidClaimablePence));
        Assert.Equal(6000, overview.TotalPence);
    }
}
