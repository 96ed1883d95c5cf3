using Bogus;
using CharityCMS.Clients;

namespace CharityCMS.Demo;

/// <summary>A fictional client's registration, dated in the past, and perhaps a later edit of her record.</summary>
public sealed record DemoRegistration(RegisterClient Command, DateTimeOffset RegisteredAt, DemoChange? LaterChange);

/// <summary>A later edit: new contact details, an address, or a preferred name.</summary>
public sealed record DemoChange(DateTimeOffset At, Func<RegisterClient, RegisterClient> Edit)
{
    public ChangeClientDetails Apply(ClientRegistration registered, RegisterClient original)
    {
        var edited = Edit(original);
        return new ChangeClientDetails(registered.ClientId, registered.Version, edited.Details, edited.Contact, edited.Address);
    }
}

/// <summary>
/// Realistic, entirely fictional clients made with Bogus: women's names from the communities of an
/// English city, phone numbers from Ofcom's ranges reserved for drama (07700 900xxx), addresses on
/// the demo area's postcodes, and the mix of safe and unsafe contact a caseworker meets, with notes
/// that agree with the safe-contact flags. Deterministic for a given seed, so the demo and the
/// benchmark are repeatable.
/// </summary>
public sealed class DemoClients(int seed, string area)
{
    // Bogus's en_GB locale has no women's names or British surnames of its own, so the demo brings its own.
    private static readonly (string[] First, string[] Last, float Weight)[] Communities =
    [
        (["Emma", "Sophie", "Chloe", "Lauren", "Rebecca", "Hannah", "Charlotte", "Jessica", "Gemma", "Kirsty", "Leanne", "Natalie",
          "Danielle", "Stacey", "Rachel", "Sarah", "Amy", "Laura", "Katie", "Megan", "Jade", "Nicola", "Louise", "Claire", "Zoe", "Ellie"],
         ["Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Thomas", "Johnson", "Roberts", "Walker", "Wright", "Robinson",
          "Thompson", "White", "Hughes", "Edwards", "Green", "Hall", "Wood", "Harris", "Lewis", "Martin", "Jackson", "Clarke",
          "Clark", "Turner", "Hill", "Scott", "Cooper", "Morris", "Ward", "Moore", "King", "Watson", "Baker", "Harrison"], 0.6f),
        (["Amina", "Fatima", "Ayesha", "Sana", "Nusrat", "Priyanka", "Harpreet", "Simran", "Rukhsana", "Shabnam", "Farzana", "Anjali", "Nazia", "Sadia"],
         ["Begum", "Khan", "Hussain", "Akhtar", "Kaur", "Patel", "Ahmed", "Bibi", "Islam", "Chowdhury", "Sandhu", "Mistry", "Iqbal"], 0.16f),
        (["Agnieszka", "Katarzyna", "Monika", "Ioana", "Elena", "Justyna", "Marta", "Andreea", "Oksana", "Zuzana", "Daria", "Alina"],
         ["Nowak", "Kowalska", "Wiśniewska", "Popescu", "Ionescu", "Kamińska", "Horvath", "Shevchenko", "Lewandowska", "Dumitru"], 0.12f),
        (["Abena", "Chiamaka", "Nia", "Shanice", "Folake", "Hodan", "Sagal", "Tanisha", "Precious", "Blessing", "Ifeoma", "Amara"],
         ["Mensah", "Okafor", "Campbell", "Adeyemi", "Mohamed", "Farah", "Williams", "Boateng", "Clarke", "Osei", "Ali"], 0.12f),
    ];

    private static readonly string[] Nicknames = ["Jo", "Jess", "Beth", "Becky", "Kasia", "Gosia", "Nat", "Lou", "Sam", "Mo", "Ash", "Bee", "Kat", "Ria"];

    private static readonly string[] Streets =
    [
        "Station Road", "Church Street", "Victoria Road", "Park Avenue", "Mill Lane", "Chapel Street", "Albert Road", "Manor Way",
        "Queen Street", "Springfield Road", "Grange Avenue", "Moor View", "Beech Grove", "Hawthorn Close", "Windsor Terrace",
        "Oak Crescent", "Orchard Way", "Kingsway", "Cross Street", "Elm Drive", "Meadow Bank", "Clarence Place",
    ];

    private static readonly (string Language, float Weight)[] Languages =
        [("English", 0.78f), ("Polish", 0.04f), ("Urdu", 0.04f), ("Punjabi", 0.03f), ("Bengali", 0.03f), ("Arabic", 0.03f), ("Romanian", 0.02f), ("Somali", 0.02f), ("Tigrinya", 0.01f)];

    /// <summary>A safe-contact note and what it means for the flags: a note never contradicts them.</summary>
    private sealed record Note(string Text, bool Voicemail = true, bool Texts = true, bool Email = true);

    private static readonly Note[] Notes =
    [
        new("Only call on weekdays between 10:00 and 14:00, when he is at work."),
        new("Code word is 'bluebell': if she says it, end the call politely."),
        new("Do not leave voicemails: her partner checks her phone.", Voicemail: false),
        new("Texts are fine but never mention the service by name.", Voicemail: false),
        new("Lives with her mother; calls are safe any time after 18:00."),
        new("Post is not safe: letters go to the house he still visits."),
        new("If a man answers, say it is the GP surgery and hang up.", Voicemail: false, Texts: false),
        new("Email is safe; she set up a new account at the library.", Voicemail: false, Texts: false),
        new("Call from a withheld number only. No texts: he reads her messages.", Texts: false, Email: false),
    ];

    private readonly string[] outwardCodes = area == DemoStaff.Northgate
        ? ["NE1", "NE2", "NE4", "NE6", "NE15", "NE23", "NE28", "NE32", "NE34", "DH1", "SR2"]
        : ["LS1", "LS4", "LS6", "LS7", "LS9", "LS11", "LS12", "LS15", "LS28", "BD3", "WF1"];

    public IReadOnlyList<DemoRegistration> Generate(int count, DateTimeOffset now)
    {
        var f = new Faker("en_GB") { Random = new Randomizer(seed) };
        // A generator of its own, so adding monitoring left every other demo figure as it was.
        var answers = new Randomizer(seed + 7919);
        var refuges = new Randomizer(seed + 104729);
        var list = new List<DemoRegistration>(count);
        for (var i = 0; i < count; i++)
        {
            var registeredAt = OfficeHours(f, now.AddDays(-f.Random.Int(1, 730)));
            var details = Details(f, registeredAt);
            var command = new RegisterClient(details, Contact(f, details.LegalName), Address(f), Monitoring(answers));
            list.Add(new DemoRegistration(command, registeredAt, LaterChange(f, refuges, registeredAt, now)));
        }
        return list.OrderBy(r => r.RegisteredAt).ToList();
    }

    /// <summary>A time in the working day on that date: referrals are registered by staff at work.</summary>
    private static DateTimeOffset OfficeHours(Faker f, DateTimeOffset day) =>
        new DateTimeOffset(day.Year, day.Month, day.Day, 0, 0, 0, TimeSpan.Zero).AddMinutes(f.Random.Int(9 * 60, 17 * 60));

    private static ClientPersonalDetails Details(Faker f, DateTimeOffset registeredAt)
    {
        var community = f.Random.WeightedRandom(Communities, Communities.Select(c => c.Weight).ToArray());
        var first = f.PickRandom(community.First);
        var middle = f.Random.Bool(0.25f) ? " " + f.PickRandom(community.First.Where(n => n != first).ToArray()) : "";
        var age = f.Random.Float() < 0.08f ? f.Random.Int(13, 17) : f.Random.Int(18, 72);
        var knowsBirthday = f.Random.Bool(0.9f);
        var born = DateOnly.FromDateTime(registeredAt.UtcDateTime).AddYears(-age).AddDays(-f.Random.Int(1, 360));
        var language = f.Random.WeightedRandom(Languages.Select(l => l.Language).ToArray(), Languages.Select(l => l.Weight).ToArray());
        return new ClientPersonalDetails(
            LegalName: $"{first}{middle} {f.PickRandom(community.Last)}",
            PreferredName: f.Random.Bool(0.15f) ? f.PickRandom(Nicknames) : null,
            DateOfBirth: knowsBirthday ? born : null,
            ApproximateAge: knowsBirthday ? null : age,
            Pronouns: f.Random.WeightedRandom(["she/her", "they/them", null], [0.8f, 0.04f, 0.16f]),
            PreferredLanguage: language,
            InterpreterNeeded: language != "English" && f.Random.Bool(0.6f));
    }

    /// <summary>
    /// A spread like a local service's: mostly women, mostly White with sizeable Asian and Black
    /// groups, some "prefer not to say", and about one in eight never asked at all.
    /// </summary>
    private static EqualityMonitoring Monitoring(Randomizer r)
    {
        if (r.Bool(0.12f)) return EqualityMonitoring.NotRecorded;
        T? Pick<T>(T?[] values, float[] weights) where T : struct => r.WeightedRandom(values, weights);
        return new EqualityMonitoring(
            Pick<Gender>([Gender.Woman, Gender.NonBinary, Gender.AnotherGender, Gender.PreferNotToSay, null], [0.9f, 0.02f, 0.01f, 0.03f, 0.04f]),
            Pick<Ethnicity>([Ethnicity.White, Ethnicity.Asian, Ethnicity.Black, Ethnicity.Mixed, Ethnicity.OtherEthnicGroup, Ethnicity.PreferNotToSay, null],
                [0.6f, 0.14f, 0.1f, 0.05f, 0.03f, 0.04f, 0.04f]),
            Pick<Disability>([Disability.No, Disability.Yes, Disability.PreferNotToSay, null], [0.62f, 0.24f, 0.07f, 0.07f]),
            Pick<SexualOrientation>([SexualOrientation.Heterosexual, SexualOrientation.Bisexual, SexualOrientation.GayOrLesbian, SexualOrientation.AnotherOrientation,
                SexualOrientation.PreferNotToSay, null], [0.75f, 0.05f, 0.04f, 0.01f, 0.08f, 0.07f]));
    }

    private static ClientContactDetails Contact(Faker f, string legalName)
    {
        var note = f.Random.Bool(0.7f) ? f.PickRandom(Notes) : null;
        var phones = new List<PhoneNumber>();
        if (f.Random.Bool(0.95f)) phones.Add(Mobile(f, "Mobile", 0, 499, note));
        if (f.Random.Bool(0.3f)) phones.Add(Mobile(f, f.PickRandom("Work", "Sister", "Friend", "Second mobile"), 500, 899, note));
        var email = f.Random.Bool(0.5f)
            ? new EmailContact($"{EmailName(legalName)}{f.Random.Int(1, 99)}@example.{f.PickRandom("com", "org", "net")}", (note?.Email ?? true) && f.Random.Bool(0.7f))
            : null;
        return new ClientContactDetails(phones, email, note?.Text);
    }

    private static string EmailName(string legalName)
    {
        var parts = legalName.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD).Split(' ');
        static string Letters(string s) => new(s.Where(char.IsAsciiLetterLower).ToArray());
        return $"{Letters(parts[0])}.{Letters(parts[^1])}";
    }

    /// <summary>A number from 07700 900000-900999, Ofcom's mobile range for drama; the range keeps one client's numbers apart.</summary>
    private static PhoneNumber Mobile(Faker f, string label, int from, int to, Note? note)
    {
        var safe = f.Random.Bool(0.8f);
        return new PhoneNumber($"07700 900{f.Random.Int(from, to):D3}", label, safe,
            safe && (note?.Voicemail ?? true) && f.Random.Bool(0.5f),
            safe && (note?.Texts ?? true) && f.Random.Bool(0.8f));
    }

    private PostalAddress? Address(Faker f)
    {
        if (f.Random.Bool(0.1f)) return null;
        var postcode = $"{f.PickRandom(outwardCodes)} {f.Random.Int(1, 9)}{f.Random.String2(1, "ABDEFGHJLNPQRSTUWXYZ")}{f.Random.String2(1, "ABDEFGHJLNPQRSTUWXYZ")}";
        var town = area == DemoStaff.Northgate ? "Newcastle upon Tyne" : "Leeds";
        var line2 = f.Random.Bool(0.3f) ? $"Flat {f.Random.Int(1, 40)}" : null;
        return new PostalAddress($"{f.Random.Int(1, 240)} {f.PickRandom(Streets)}", line2, town, postcode, DoNotDisclose: f.Random.Bool(0.15f));
    }

    private DemoChange? LaterChange(Faker f, Randomizer refuges, DateTimeOffset registeredAt, DateTimeOffset now)
    {
        if (!f.Random.Bool(0.35f)) return null;
        var days = (int)(now - registeredAt).TotalDays;
        if (days < 2) return null;
        var at = OfficeHours(f, registeredAt.AddDays(f.Random.Int(1, days - 1)));
        return f.Random.Int(0, 2) switch
        {
            0 => new DemoChange(at, c => c with
            {
                Contact = c.Contact with
                {
                    Phones = [Mobile(f, "New mobile", 900, 999, Notes.FirstOrDefault(n => n.Text == c.Contact.SafeContactNotes)), .. c.Contact.Phones.Take(1)],
                },
            }),
            1 => Moved(f, at, intoRefuge: refuges.Bool(0.3f)),
            _ => new DemoChange(at, c => c with { Details = c.Details with { PreferredName = f.PickRandom(Nicknames) } }),
        };
    }

    /// <summary>
    /// She moved somewhere he must not find: some into a refuge, marked only as a refuge so the demo
    /// shows that the refuge mark alone keeps the address hidden.
    /// </summary>
    private DemoChange Moved(Faker f, DateTimeOffset at, bool intoRefuge) =>
        new(at, c => c with { Address = Address(f) is { } moved ? moved with { DoNotDisclose = !intoRefuge, IsRefuge = intoRefuge } : null });
}
