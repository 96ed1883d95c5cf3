using CharityCMS.Cases;
using CharityCMS.Clients;

namespace CharityCMS.Core.Tests.Cases;

public class SafeContactRulesTests
{
    private static readonly ClientContactDetails Contact = new(
        [new PhoneNumber("07700 900123", "Mobile", SafeToCall: true, SafeForVoicemail: false, SafeForText: false),
         new PhoneNumber("0113 496 0000", "Sister's landline", SafeToCall: false, SafeForVoicemail: false, SafeForText: false)],
        new EmailContact("her@example.org", IsSafe: false), null);

    private static readonly PostalAddress Refuge = new("1 Hidden Road", null, "Leeds", "LS1 1AA", DoNotDisclose: true);

    [Theory]
    [InlineData(ContactMethod.Call, "07700 900123", true)]
    [InlineData(ContactMethod.Call, "07700900123", true)]
    [InlineData(ContactMethod.Call, "0113 496 0000", false)]
    [InlineData(ContactMethod.Voicemail, "07700 900123", false)]
    [InlineData(ContactMethod.Text, "07700 900123", false)]
    [InlineData(ContactMethod.Call, "07700 999999", false)]
    [InlineData(ContactMethod.Call, null, false)]
    [InlineData(ContactMethod.Email, null, false)]
    [InlineData(ContactMethod.Letter, null, false)]
    [InlineData(ContactMethod.Visit, null, true)]
    [InlineData(ContactMethod.Video, null, true)]
    public void Each_method_is_allowed_only_when_she_said_it_is_safe(ContactMethod method, string? phone, bool allowed) =>
        Assert.Equal(allowed, SafeContactRules.RefusalFor(method, phone, Contact, Refuge) is null);

    [Theory]
    [InlineData(true, false, "do not disclose")]
    [InlineData(false, true, "refuge address")]
    [InlineData(true, true, "refuge address")]
    public void A_letter_to_a_confidential_address_is_refused_with_the_reason(bool doNotDisclose, bool refuge, string reason) =>
        Assert.Contains(reason, SafeContactRules.RefusalFor(ContactMethod.Letter, null, Contact, Refuge with { DoNotDisclose = doNotDisclose, IsRefuge = refuge }));

    [Fact]
    public void A_letter_to_an_ordinary_address_is_allowed() =>
        Assert.Null(SafeContactRules.RefusalFor(ContactMethod.Letter, null, Contact, Refuge with { DoNotDisclose = false }));

    [Fact]
    public void The_safe_methods_offered_leave_out_the_unsafe_ones() =>
        Assert.Equal([ContactMethod.Call, ContactMethod.Visit, ContactMethod.Video], SafeContactRules.SafeMethods(Contact, Refuge));
}
