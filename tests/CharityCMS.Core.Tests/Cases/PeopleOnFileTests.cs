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

public class PeopleOnFileValidationTests
{
    private static readonly ChildDetails Lily = new("Lily", new DateOnly(2018, 5, 1), "Elm Primary", SocialCareInvolvement.ChildInNeed, "Saw him at the school gate.");
    private static readonly PerpetratorDetails Him = new("Darren Blackwood", ["Daz"], new DateOnly(1984, 2, 3), PerpetratorRelationship.ExPartner, "Tall", "PR-123", "Not to enter Elm Street");

    [Theory]
    [InlineData("Details.Name")]
    [InlineData("Details.School")]
    [InlineData("Details.SafeguardingConcern")]
    public void Control_characters_in_a_childs_details_are_refused_beside_the_field(string field)
    {
        var details = field switch
        {
            "Details.Name" => Lily with { Name = "Li\u0000ly" },
            "Details.School" => Lily with { School = "Elm\u001bPrimary" },
            _ => Lily with { SafeguardingConcern = "Saw him\u0007" },
        };

        var result = new SaveChildValidator(TimeProvider.System).Validate(new SaveChild(Guid.NewGuid(), null, 0, details));

        var failure = Assert.Single(result.Errors);
        Assert.Equal((field, true), (failure.PropertyName, failure.ErrorMessage.Contains("cannot be stored")));
    }

    [Theory]
    [InlineData("Details.Name")]
    [InlineData("Details.Aliases[0]")]
    [InlineData("Details.Description")]
    [InlineData("Details.PoliceReference")]
    [InlineData("Details.BailOrOrderConditions")]
    public void Control_characters_in_a_perpetrators_details_are_refused_beside_the_field(string field)
    {
        var details = field switch
        {
            "Details.Name" => Him with { Name = "Darren\u0000" },
            "Details.Aliases[0]" => Him with { Aliases = ["Daz\u0008"] },
            "Details.Description" => Him with { Description = "Tall\u0007" },
            "Details.PoliceReference" => Him with { PoliceReference = "PR\u001b123" },
            _ => Him with { BailOrOrderConditions = "Not to\u0000 enter" },
        };

        var result = new SavePerpetratorValidator(TimeProvider.System).Validate(new SavePerpetrator(Guid.NewGuid(), null, 0, details));

        var failure = Assert.Single(result.Errors);
        Assert.Equal((field, true), (failure.PropertyName, failure.ErrorMessage.Contains("cannot be stored")));
    }

    [Fact]
    public void Line_breaks_are_kept_in_the_notes_about_him_but_not_in_his_police_reference()
    {
        var validator = new SavePerpetratorValidator(TimeProvider.System);

        var notes = validator.Validate(new SavePerpetrator(Guid.NewGuid(), null, 0, Him with { Description = "Tall\ndrives a white van", BailOrOrderConditions = "Not to enter Elm Street\r\nNo contact" }));
        var reference = validator.Validate(new SavePerpetrator(Guid.NewGuid(), null, 0, Him with { PoliceReference = "PR-1\nPR-2" }));

        Assert.True(notes.IsValid);
        Assert.Equal("Details.PoliceReference", Assert.Single(reference.Errors).PropertyName);
    }

    [Fact]
    public void An_over_long_school_is_refused_beside_the_school()
    {
        var result = new SaveChildValidator(TimeProvider.System).Validate(new SaveChild(Guid.NewGuid(), null, 0, Lily with { School = new string('a', 201) }));

        Assert.Equal("Details.School", Assert.Single(result.Errors).PropertyName);
    }
}
