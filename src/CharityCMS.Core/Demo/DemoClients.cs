using Bogus;
using CharityCMS.Clients;

namespace CharityCMS.Demo;

/// <summary>A fictional client's registration, dated in the past, and perhaps a later edit of her record.</summary>
public sealed record DemoRegistration(RegisterClient Command, DateTimeOffset RegisteredAt, DemoChange? LaterChange);

/// <summary>A later edit: new contact details, an address, or a preferred name.</summary>
public sealed record DemoChange(DateTimeOffset At, Func<RegisterClient, RegisterClient> Edit)
{
    public ChangeClientDetails Apply(Guid clientId, RegisterClient original)
    {
        var edited = Edit(original);
        return new ChangeClientDetails(clientId, 1, edited.Details, edited.Contact, edited.Address);
    }
}

/// <summary>
/// Realistic, entirely fictional clients made with Bogus: a spread of names and languages found in
/// English cities, phone numbers from Ofcom's ranges reserved for drama (07700 900xxx), addresses
/// on the demo area's postcodes, and the mix of safe and unsafe contact a caseworker meets.
/// Deterministic for a given seed, so the demo and the benchmark are repeatable.
/// </summary>
public sealed class DemoClients(int seed, string area)
{
    private static readonly string[] SouthAsianNames = ["Amina", "Fatima", "Ayesha", "Sana", "Nusrat", "Priyanka", "Harpreet", "Simran", "Rukhsana", "Shabnam", "Farzana", "Anjali"];
    private static readonly string[] SouthAsianSurnames = ["Begum", "Khan", "Hussain", "Akhtar", "Kaur", "Patel", "Ahmed", "Bibi", "Islam", "Chowdhury", "Sandhu", "Mistry"];
    private static readonly string[] EasternEuropeanNames = ["Agnieszka", "Katarzyna", "Monika", "Ioana", "Elena", "Justyna", "Marta", "Andreea", "Oksana", "Zuzana"];
    private static readonly string[] EasternEuropeanSurnames = ["Nowak", "Kowalska", "Wiśniewska", "Popescu", "Ionescu", "Kamińska", "Horvath", "Shevchenko", "Lewandowska", "Dumitru"];
    private static readonly string[] AfricanCaribbeanNames = ["Abena", "Chiamaka", "Nia", "Shanice", "Folake", "Hodan", "Sagal", "Tanisha", "Precious", "Blessing"];
    private static readonly string[] AfricanCaribbeanSurnames = ["Mensah", "Okafor", "Campbell", "Adeyemi", "Mohamed", "Farah", "Williams", "Boateng", "Clarke", "Osei"];
    private static readonly (string Language, float Weight)[] Languages =
        [("English", 0.78f), ("Polish", 0.04f), ("Urdu", 0.04f), ("Punjabi", 0.03f), ("Bengali", 0.03f), ("Arabic", 0.03f), ("Romanian", 0.02f), ("Somali", 0.02f), ("Tigrinya", 0.01f)];
    private static readonly string[] SafeContactNotes =
    [
        "Only call on weekdays between 10:00 and 14:00, when he is at work.",
        "Code word is 'bluebell': if she says it, end the call politely.",
        "Do not leave voicemails: her partner checks her phone.",
        "Texts are fine but never mention the service by name.",
        "Prefers contact through her sister's number; ask for 'Jo'.",
        "Lives with her mother; calls are safe any time after 18:00.",
        "Post is not safe: letters go to the house he still visits.",
        "If a man answers, say it is the GP surgery and hang up.",
        "Email is safe; she set up a new account at the library.",
        "Call from a withheld number only.",
    ];

    private readonly string[] outwardCodes = area == DemoStaff.Northgate
        ? ["NE1", "NE2", "NE4", "NE6", "NE15", "NE23", "NE28", "NE32", "NE34", "DH1", "SR2"]
        : ["LS1", "LS4", "LS6", "LS7", "LS9", "LS11", "LS12", "LS15", "LS28", "BD3", "WF1"];

    public IReadOnlyList<DemoRegistration> Generate(int count, DateTimeOffset now)
    {
        var f = new Faker("en_GB") { Random = new Randomizer(seed) };
        var list = new List<DemoRegistration>(count);
        for (var i = 0; i < count; i++)
        {
            var registeredAt = now.AddDays(-f.Random.Double(1, 730)).AddMinutes(-f.Random.Int(0, 600));
            var command = new RegisterClient(Details(f, registeredAt), Contact(f), Address(f));
            list.Add(new DemoRegistration(command, registeredAt, LaterChange(f, registeredAt, now)));
        }
        return list.OrderBy(r => r.RegisteredAt).ToList();
    }

    private static ClientPersonalDetails Details(Faker f, DateTimeOffset registeredAt)
    {
        var (first, last) = f.Random.Float() switch
        {
            < 0.62f => (f.Name.FirstName(Bogus.DataSets.Name.Gender.Female), f.Name.LastName()),
            < 0.77f => (f.PickRandom(SouthAsianNames), f.PickRandom(SouthAsianSurnames)),
            < 0.88f => (f.PickRandom(EasternEuropeanNames), f.PickRandom(EasternEuropeanSurnames)),
            _ => (f.PickRandom(AfricanCaribbeanNames), f.PickRandom(AfricanCaribbeanSurnames)),
        };
        var middle = f.Random.Bool(0.25f) ? " " + f.Name.FirstName(Bogus.DataSets.Name.Gender.Female) : "";
        var age = f.Random.Float() < 0.08f ? f.Random.Int(13, 17) : f.Random.Int(18, 72);
        var knowsBirthday = f.Random.Bool(0.9f);
        var born = DateOnly.FromDateTime(registeredAt.UtcDateTime).AddYears(-age).AddDays(-f.Random.Int(1, 360));
        var language = f.Random.WeightedRandom(Languages.Select(l => l.Language).ToArray(), Languages.Select(l => l.Weight).ToArray());
        return new ClientPersonalDetails(
            LegalName: $"{first}{middle} {last}",
            PreferredName: f.Random.Bool(0.2f) ? PreferredNameFor(f, first) : null,
            DateOfBirth: knowsBirthday ? born : null,
            ApproximateAge: knowsBirthday ? null : age,
            Pronouns: f.Random.WeightedRandom(["she/her", "they/them", null], [0.8f, 0.04f, 0.16f]),
            PreferredLanguage: language,
            InterpreterNeeded: language != "English" && f.Random.Bool(0.6f));
    }

    private static string PreferredNameFor(Faker f, string first) =>
        first.Length > 5 && f.Random.Bool() ? first[..4] : f.Name.FirstName(Bogus.DataSets.Name.Gender.Female);

    private static ClientContactDetails Contact(Faker f)
    {
        var phones = new List<PhoneNumber>();
        if (f.Random.Bool(0.95f)) phones.Add(Mobile(f, "Mobile", 0, 499));
        if (f.Random.Bool(0.3f)) phones.Add(Mobile(f, f.PickRandom("Work", "Sister", "Friend", "Second mobile"), 500, 899));
        var email = f.Random.Bool(0.5f)
            ? new EmailContact($"{f.Internet.UserName().ToLowerInvariant()}@example.{f.PickRandom("com", "org", "net")}", f.Random.Bool(0.7f))
            : null;
        return new ClientContactDetails(phones, email, f.Random.Bool(0.7f) ? f.PickRandom(SafeContactNotes) : null);
    }

    /// <summary>A number from 07700 900000-900999, Ofcom's mobile range for drama; the range keeps one client's numbers apart.</summary>
    private static PhoneNumber Mobile(Faker f, string label, int from, int to)
    {
        var safe = f.Random.Bool(0.8f);
        return new PhoneNumber($"07700 900{f.Random.Int(from, to):D3}", label, safe, safe && f.Random.Bool(0.5f), safe && f.Random.Bool(0.8f));
    }

    private PostalAddress? Address(Faker f)
    {
        if (f.Random.Bool(0.1f)) return null;
        var postcode = $"{f.PickRandom(outwardCodes)} {f.Random.Int(1, 9)}{f.Random.String2(1, "ABDEFGHJLNPQRSTUWXYZ")}{f.Random.String2(1, "ABDEFGHJLNPQRSTUWXYZ")}";
        var town = area == DemoStaff.Northgate ? "Newcastle upon Tyne" : "Leeds";
        var line2 = f.Random.Bool(0.3f) ? $"Flat {f.Random.Int(1, 40)}" : null;
        return new PostalAddress($"{f.Random.Int(1, 240)} {f.Address.StreetName()}", line2, town, postcode, DoNotDisclose: f.Random.Bool(0.15f));
    }

    private DemoChange? LaterChange(Faker f, DateTimeOffset registeredAt, DateTimeOffset now)
    {
        if (!f.Random.Bool(0.35f)) return null;
        var at = registeredAt.AddDays(f.Random.Double(1, Math.Max(1.5, (now - registeredAt).TotalDays - 0.5)));
        if (at > now) at = now.AddMinutes(-5);
        return f.Random.Int(0, 2) switch
        {
            0 => new DemoChange(at, c => c with
            {
                Contact = c.Contact with { Phones = [Mobile(f, "New mobile", 900, 999), .. c.Contact.Phones.Take(1)] },
            }),
            1 => new DemoChange(at, c => c with { Address = Address(f) is { } moved ? moved with { DoNotDisclose = true } : null }),
            _ => new DemoChange(at, c => c with { Details = c.Details with { PreferredName = f.Name.FirstName(Bogus.DataSets.Name.Gender.Female) } }),
        };
    }
}
