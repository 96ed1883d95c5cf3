using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.LinkedPeople;
using FluentValidation;

namespace CharityCMS.Core.Tests.Cases;

public class PeopleOnFileTests : CaseDatabase
{
    private PeopleOnFileHandler People => Get<PeopleOnFileHandler>();

    private static PerpetratorDetails Him(string name = "Darren Blackwood") =>
        new(name, ["Daz"], new DateOnly(1984, 2, 3), PerpetratorRelationship.ExPartner, "Tall, drives a white van", "PR-123", "Not to enter Elm Street");

    [Fact]
    public async Task Children_and_a_perpetrator_are_kept_on_her_file_and_read_back()
    {
        var (clientId, _) = await ClientWithCaseAsync();

        await People.SaveChildAsync(Caseworker, new SaveChild(clientId, null, 0, new ChildDetails("Lily", new DateOnly(2018, 5, 1), "Elm Primary", SocialCareInvolvement.ChildInNeed, null)), default);
        await People.SavePerpetratorAsync(Caseworker, new SavePerpetrator(clientId, null, 0, Him()), default);

        var file = await People.ForClientAsync(Caseworker, clientId, default);
        Assert.Equal("Lily", Assert.Single(file.Children).Details.Name);
        Assert.Equal(["Daz"], Assert.Single(file.Perpetrators).Details.Aliases);
    }

    [Fact]
    public async Task A_perpetrators_name_never_finds_her_in_the_client_search()
    {
        var (clientId, _) = await ClientWithCaseAsync();
        await People.SavePerpetratorAsync(Caseworker, new SavePerpetrator(clientId, null, 0, Him()), default);

        var found = await Get<FindClientsHandler>().HandleAsync(Manager, new FindClients("Blackwood"), default);

        Assert.Empty(found.Rows);
    }

    [Fact]
    public async Task A_stale_edit_of_a_perpetrator_is_refused_with_who_changed_it()
    {
        var (clientId, _) = await ClientWithCaseAsync();
        await People.SavePerpetratorAsync(Caseworker, new SavePerpetrator(clientId, null, 0, Him()), default);
        var saved = Assert.Single((await People.ForClientAsync(Caseworker, clientId, default)).Perpetrators);
        await People.SavePerpetratorAsync(Manager, new SavePerpetrator(clientId, saved.Id, saved.Version, Him() with { PoliceReference = "PR-999" }), default);

        var refused = await Assert.ThrowsAsync<CaseChangedElsewhereException>(() =>
            People.SavePerpetratorAsync(Caseworker, new SavePerpetrator(clientId, saved.Id, saved.Version, Him() with { Description = "Stale" }), default));

        Assert.Equal("Grace Manager", refused.ChangedBy);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-40)]
    public async Task A_childs_impossible_date_of_birth_is_refused(int yearsFromNow)
    {
        var (clientId, _) = await ClientWithCaseAsync();
        var born = UkCalendar.Today(Clock).AddYears(yearsFromNow);

        await Assert.ThrowsAsync<ValidationException>(() =>
            People.SaveChildAsync(Caseworker, new SaveChild(clientId, null, 0, new ChildDetails("Lily", born, null, SocialCareInvolvement.None, null)), default));
    }
}
