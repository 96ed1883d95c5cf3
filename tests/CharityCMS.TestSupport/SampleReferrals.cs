using CharityCMS.Clients;
using CharityCMS.Referrals;
using CharityCMS.Risk;

namespace CharityCMS.TestSupport;

/// <summary>Fictional referrals for tests, valid unless a test changes them.</summary>
public static class SampleReferrals
{
    public const string SafePhone = "07700 900111";
    public const string UnsafePhone = "07700 900222";

    /// <summary>
    /// A police referral with one number safe to call and text (no voicemail), one number not safe
    /// at all, an email that is not safe and a "do not disclose" address.
    /// </summary>
    public static ReceiveReferral FromPolice(DateTimeOffset receivedAt, string name = "Rita Referred", DateOnly? dateOfBirth = null) =>
        new(
            ReferralSource.Police,
            new Referrer("West Yorkshire Police", "PC Test Officer", "0113 496 0000", "officer@police.example"),
            receivedAt,
            "Domestic incident attended; she asked for support.",
            RiskLevel.High,
            ConsentToContact: true,
            Person(name, dateOfBirth ?? new DateOnly(1988, 6, 1)));

    public static ReferredPerson Person(string name = "Rita Referred", DateOnly? dateOfBirth = null) => new(
        name,
        dateOfBirth,
        dateOfBirth is null ? 35 : null,
        new ClientContactDetails(
            [new PhoneNumber(SafePhone, "Mobile", SafeToCall: true, SafeForVoicemail: false, SafeForText: true),
             new PhoneNumber(UnsafePhone, "Home", SafeToCall: false, SafeForVoicemail: false, SafeForText: false)],
            new EmailContact("rita@example.org", IsSafe: false),
            "Weekday mornings only. Code word: lilac."),
        new PostalAddress("4 Hidden Row", null, "Leeds", "LS9 8AB", DoNotDisclose: true),
        SafeToWrite: false);

    public static SubmitSelfReferral SelfReferral(string name = "Sally Selfreferrer") =>
        new(Person(name) with { DateOfBirth = null, ApproximateAge = 29 }, "I would like to talk to someone.", ConsentToContact: true);
}
