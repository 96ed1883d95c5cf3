using CharityCMS.Clients;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using FluentValidation;
using Marten;

namespace CharityCMS.Core.Tests.Clients;

public class RegisterClientTests : DomainDatabase
{
    private RegisterClientHandler Register => Get<RegisterClientHandler>();

    [Fact]
    public async Task References_count_up_from_one_in_each_workspace_with_its_own_prefix()
    {
        var riverside = await (await TestWorkspace.CreateAsync(Store, prefix: "RWA")).AccessAsync(WorkspaceRole.Caseworker);
        var northgate = await (await TestWorkspace.CreateAsync(Store, prefix: "NRC")).AccessAsync(WorkspaceRole.Caseworker);

        var first = await Register.HandleAsync(riverside, SampleClients.Registration(), default);
        var second = await Register.HandleAsync(riverside, SampleClients.Registration("Second Client"), default);
        var elsewhere = await Register.HandleAsync(northgate, SampleClients.Registration(), default);

        Assert.Equal(["RWA-000001", "RWA-000002", "NRC-000001"], new[] { first.Reference, second.Reference, elsewhere.Reference });
    }

    [Fact]
    public async Task Registrations_at_the_same_moment_never_share_a_reference()
    {
        var access = await (await TestWorkspace.CreateAsync(Store, prefix: "PAR")).AccessAsync(WorkspaceRole.Caseworker);

        var registrations = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(i => Register.HandleAsync(access, SampleClients.Registration($"Parallel Client {i}"), default)));

        Assert.Equal(20, registrations.Select(r => r.Reference).Distinct().Count());
    }

    [Fact]
    public async Task The_record_keeps_what_was_registered_tidied_and_who_registered_it_when()
    {
        var access = await (await TestWorkspace.CreateAsync(Store)).AccessAsync(WorkspaceRole.Caseworker);
        var command = SampleClients.Registration("  Jane   Testwoman ") with
        {
            Address = new PostalAddress("1 Safe Place", null, "Leeds", "ls14ap", DoNotDisclose: true),
        };

        var registration = await Register.HandleAsync(access, command, default);

        await using var session = Store.QuerySession(access.WorkspaceId);
        var client = await session.LoadAsync<Client>(registration.ClientId);
        Assert.NotNull(client);
        Assert.Equal("Jane Testwoman", client.Details.LegalName);
        Assert.Equal("LS1 4AP", client.Address!.Postcode);
        Assert.True(client.Address.DoNotDisclose);
        Assert.Equal(access.Member, client.RegisteredBy);
        Assert.Equal(Clock.GetUtcNow(), client.RegisteredAt);
        Assert.Equal(1, client.Version);
    }

    [Fact]
    public async Task Markup_typed_into_a_field_is_kept_as_plain_text()
    {
        var access = await (await TestWorkspace.CreateAsync(Store)).AccessAsync(WorkspaceRole.Caseworker);
        const string script = "<script>alert('x')</script>";
        var command = SampleClients.Registration() with
        {
            Contact = SampleClients.Registration().Contact with { SafeContactNotes = script },
        };

        var registration = await Register.HandleAsync(access, command, default);

        await using var session = Store.QuerySession(access.WorkspaceId);
        Assert.Equal(script, (await session.LoadAsync<Client>(registration.ClientId))!.Contact.SafeContactNotes);
    }

    public static TheoryData<string, Func<RegisterClient, RegisterClient>, string> InvalidRegistrations() => new()
    {
        { "Details.LegalName", c => c with { Details = c.Details with { LegalName = " " } }, "Enter the client's legal name." },
        { "Details.LegalName", c => c with { Details = c.Details with { LegalName = new string('a', 101) } }, "The legal name can be at most 100 characters." },
        { "Details.LegalName", c => c with { Details = c.Details with { LegalName = "Jane\u0007" } }, "Remove the hidden control characters from this text." },
        { "Details.DateOfBirth", c => c with { Details = c.Details with { DateOfBirth = new DateOnly(2030, 1, 1) } }, "The date of birth cannot be in the future." },
        { "Details.DateOfBirth", c => c with { Details = c.Details with { DateOfBirth = new DateOnly(1850, 1, 1) } }, "The date of birth gives an age over 120; check the year." },
        { "Details.ApproximateAge", c => c with { Details = c.Details with { DateOfBirth = null, ApproximateAge = 130 } }, "An approximate age must be between 0 and 120." },
        { "Details.ApproximateAge", c => c with { Details = c.Details with { ApproximateAge = 30 } }, "Give a date of birth or an approximate age, not both." },
        { "Contact.Phones[0].Number", c => c with { Contact = c.Contact with { Phones = [new PhoneNumber("call me", null, true, true, true)] } }, "A phone number can hold only digits, spaces, brackets, hyphens and a leading +." },
        { "Contact.Phones[0].Number", c => c with { Contact = c.Contact with { Phones = [new PhoneNumber("0123", null, true, true, true)] } }, "A phone number has 7 to 15 digits." },
        { "Contact.Phones[0].SafeForVoicemail", c => c with { Contact = c.Contact with { Phones = [new PhoneNumber("07700 900123", null, false, true, false)] } }, "A number that is not safe to call is not safe for voicemail either." },
        { "Contact.Phones", c => c with { Contact = c.Contact with { Phones = [new PhoneNumber("07700 900123", null, true, true, true), new PhoneNumber("+44 7700 900123", null, true, true, true)] } }, "The same phone number is listed twice." },
        { "Contact.Email.Address", c => c with { Contact = c.Contact with { Email = new EmailContact("not-an-email", true) } }, "Enter an email address like name@example.org." },
        { "Contact.SafeContactNotes", c => c with { Contact = c.Contact with { SafeContactNotes = new string('x', 2001) } }, "Safe-contact notes can be at most 2,000 characters." },
        { "Address.Postcode", c => c with { Address = c.Address! with { Postcode = "12345" } }, "Enter a UK postcode, such as LS1 4AP." },
        { "Address.Line1", c => c with { Address = c.Address! with { Line1 = "" } }, "Enter the first line of the address." },
    };

    [Theory]
    [MemberData(nameof(InvalidRegistrations))]
    public async Task Invalid_details_are_refused_with_a_message_for_the_field_and_nothing_is_written(string field, Func<RegisterClient, RegisterClient> spoil, string message)
    {
        var access = await (await TestWorkspace.CreateAsync(Store)).AccessAsync(WorkspaceRole.Caseworker);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => Register.HandleAsync(access, spoil(SampleClients.Registration()), default));

        Assert.Contains(refused.Errors, e => e.PropertyName == field && e.ErrorMessage == message);
        await using var session = Store.QuerySession(access.WorkspaceId);
        Assert.Equal(0, await session.Query<Client>().CountAsync());
    }

    [Theory]
    [InlineData(WorkspaceRole.Fundraiser)]
    [InlineData(WorkspaceRole.WorkspaceAdmin)]
    public async Task Members_who_do_not_work_with_clients_cannot_register_one(WorkspaceRole role)
    {
        var access = await (await TestWorkspace.CreateAsync(Store)).AccessAsync(role);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Register.HandleAsync(access, SampleClients.Registration(), default));
    }
}
