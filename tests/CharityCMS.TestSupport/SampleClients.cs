using CharityCMS.Clients;

namespace CharityCMS.TestSupport;

/// <summary>Fictional clients for tests, valid unless a test changes them.</summary>
public static class SampleClients
{
    public static RegisterClient Registration(string legalName = "Jane Testwoman", string? preferredName = null, string phone = "07700 900123") =>
        new(
            new ClientPersonalDetails(legalName, preferredName, new DateOnly(1990, 4, 12), null, "she/her", "English", false),
            new ClientContactDetails([new PhoneNumber(phone, "Mobile", true, false, true)], new EmailContact("jane@example.org", true), "Call after 10am."),
            new PostalAddress("12 Test Street", null, "Leeds", "LS1 4AP", DoNotDisclose: false));

    public static ChangeClientDetails Edit(Guid clientId, long expectedVersion, RegisterClient basis, Func<ClientPersonalDetails, ClientPersonalDetails>? details = null) =>
        new(clientId, expectedVersion, details is null ? basis.Details : details(basis.Details), basis.Contact, basis.Address);
}
