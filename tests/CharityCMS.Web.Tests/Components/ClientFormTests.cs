using Bunit;
using CharityCMS.Clients;
using CharityCMS.Web.Clients;
using CharityCMS.Web.Shell;
using FluentValidation.Results;

namespace CharityCMS.Web.Tests.Components;

public class ClientFormTests
{
    [Fact]
    public async Task Each_message_appears_beside_its_field_and_in_the_summary()
    {
        await using var context = ComponentContext.Create();
        var errors = new FormErrors();
        errors.Show([new ValidationFailure("Details.LegalName", "Enter the client's legal name."), new ValidationFailure("Address.Postcode", "Enter a UK postcode, such as LS1 4AP.")]);
        var model = new ClientFormModel { HasAddress = true };

        var rendered = context.Render<ClientForm>(p => p
            .Add(x => x.Model, model).Add(x => x.Errors, errors).Add(x => x.SubmitText, "Register client").Add(x => x.CancelHref, "/clients")
            .Add(x => x.Validate, () => Task.FromResult(new ValidationResult())));

        Assert.Contains("Please correct these 2 before saving", rendered.Find("#form-errors").TextContent);
        var legalName = rendered.FindAll(".mud-input-control").First(c => c.TextContent.Contains("Legal name"));
        Assert.Contains("Enter the client's legal name.", legalName.TextContent);
        var postcode = rendered.FindAll(".mud-input-control").First(c => c.TextContent.Contains("Postcode"));
        Assert.Contains("Enter a UK postcode, such as LS1 4AP.", postcode.TextContent);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task A_withheld_address_is_offered_for_replacement_and_never_filled_into_the_fields(bool doNotDisclose, bool refuge)
    {
        await using var context = ComponentContext.Create();
        var client = Client(new PostalAddress("7 Hidden Refuge Road", null, "Leeds", "LS6 1AA", doNotDisclose, refuge));
        var model = ClientFormModel.From(client, new DateOnly(2026, 11, 25));

        var rendered = context.Render<ClientForm>(p => p
            .Add(x => x.Model, model).Add(x => x.Errors, new FormErrors()).Add(x => x.SubmitText, "Save changes").Add(x => x.CancelHref, "/")
            .Add(x => x.Validate, () => Task.FromResult(new ValidationResult())));

        Assert.Contains("stays hidden", rendered.Markup);
        Assert.DoesNotContain("Hidden Refuge", rendered.Markup);
        Assert.DoesNotContain("LS6 1AA", rendered.Markup);
        Assert.Equal(client.Address, model.ToAddress());
    }

    [Fact]
    public async Task Ticking_refuge_makes_the_address_confidential_without_do_not_disclose()
    {
        await using var context = ComponentContext.Create();
        var model = new ClientFormModel { HasAddress = true, Line1 = "5 Any Street", Town = "Leeds", Postcode = "LS6 1AA" };
        var rendered = context.Render<ClientForm>(p => p
            .Add(x => x.Model, model).Add(x => x.Errors, new FormErrors()).Add(x => x.SubmitText, "Register client").Add(x => x.CancelHref, "/")
            .Add(x => x.Validate, () => Task.FromResult(new ValidationResult())));

        rendered.FindAll("label").First(l => l.TextContent.Contains("This is a refuge address")).QuerySelector("input")!.Change(true);

        Assert.Contains("A refuge address is always hidden", rendered.Markup);
        Assert.Equal(new PostalAddress("5 Any Street", null, "Leeds", "LS6 1AA", DoNotDisclose: false, IsRefuge: true), model.ToAddress());
    }

    [Fact]
    public async Task A_refused_form_is_not_saved_and_rechecks_as_she_corrects_it()
    {
        await using var context = ComponentContext.Create();
        var model = new ClientFormModel();
        var errors = new FormErrors();
        var saved = 0;
        var validator = new RegisterClientValidator(TimeProvider.System);
        var rendered = context.Render<ClientForm>(p => p
            .Add(x => x.Model, model).Add(x => x.Errors, errors).Add(x => x.SubmitText, "Register client").Add(x => x.CancelHref, "/")
            .Add(x => x.Validate, () => validator.ValidateAsync(new RegisterClient(model.ToDetails(), model.ToContact(), model.ToAddress())))
            .Add(x => x.OnValidSubmit, () => saved++));

        await rendered.Find("form").SubmitAsync();
        Assert.Equal(0, saved);
        Assert.Equal("Enter the client's legal name.", errors.For("Details.LegalName"));

        rendered.FindAll("input").First(i => i.Id == rendered.FindAll("label").First(l => l.TextContent.StartsWith("Legal name")).GetAttribute("for")).Change("Ada Testclient");
        Assert.False(errors.Has("Details.LegalName"));

        await rendered.Find("form").SubmitAsync();
        Assert.Equal(1, saved);
    }

    [Fact]
    public async Task The_equality_monitoring_section_is_optional_and_shows_what_was_recorded()
    {
        await using var context = ComponentContext.Create();
        var client = Client(new PostalAddress("1 Test Street", null, "Leeds", "LS1 1AA", DoNotDisclose: false));
        client.Apply(new ClientEqualityMonitoringChanged(new EqualityMonitoring(Gender.Woman, Ethnicity.PreferNotToSay, null, null),
            new CharityCMS.Workspaces.StaffMember(Guid.NewGuid(), "Worker"), DateTimeOffset.UtcNow));
        var model = ClientFormModel.From(client, new DateOnly(2026, 11, 25));

        var rendered = context.Render<ClientForm>(p => p
            .Add(x => x.Model, model).Add(x => x.Errors, new FormErrors()).Add(x => x.SubmitText, "Save changes").Add(x => x.CancelHref, "/")
            .Add(x => x.Validate, () => Task.FromResult(new ValidationResult())));

        Assert.Contains("Equality monitoring (optional: she may prefer not to say)", rendered.Markup);
        Assert.Contains("\"Woman\" includes trans women", rendered.Markup);
        Assert.Equal(new EqualityMonitoring(Gender.Woman, Ethnicity.PreferNotToSay, null, null), model.ToMonitoring());
    }

    private static Client Client(PostalAddress address) => CharityCMS.Clients.Client.Create(new ClientRegistered(
        "TST-000001",
        new ClientPersonalDetails("Jane Testwoman", null, new DateOnly(1990, 1, 1), null, null, "English", false),
        ClientContactDetails.None, address, new CharityCMS.Workspaces.StaffMember(Guid.NewGuid(), "Worker"), DateTimeOffset.UtcNow));
}

public class ClientFormModelTests
{
    [Fact]
    public void Replacing_a_withheld_address_starts_a_blank_do_not_disclose_address()
    {
        var model = ClientFormModel.From(CharityCMS.Clients.Client.Create(new ClientRegistered("T-1",
            new ClientPersonalDetails("A", null, null, 30, null, "English", false), ClientContactDetails.None,
            new PostalAddress("1 Refuge", null, "Leeds", "LS1 1AA", true), new CharityCMS.Workspaces.StaffMember(Guid.NewGuid(), "W"), DateTimeOffset.UtcNow)),
            new DateOnly(2026, 11, 25));

        model.ReplaceWithheldAddress();

        Assert.Null(model.WithheldAddress);
        Assert.True(model.HasAddress);
        Assert.True(model.DoNotDisclose);
        Assert.Equal("", model.Line1);
    }

    [Fact]
    public void Blank_phone_rows_are_left_out_and_errors_still_point_at_the_right_row()
    {
        var model = new ClientFormModel { Phones = [new PhoneRow(), new PhoneRow { Number = "07700 900001" }] };

        var contact = model.ToContact();

        Assert.Single(contact.Phones);
        Assert.Equal(0, model.CommandIndexOf(model.Phones[1]));
        Assert.Equal(-1, model.CommandIndexOf(model.Phones[0]));
    }

    [Fact]
    public void An_unknown_date_of_birth_sends_the_approximate_age_and_no_date()
    {
        var model = new ClientFormModel { DateOfBirthUnknown = true, DateOfBirth = new DateTime(1990, 1, 1), ApproximateAge = 35 };

        var details = model.ToDetails();

        Assert.Null(details.DateOfBirth);
        Assert.Equal(35, details.ApproximateAge);
    }
}
