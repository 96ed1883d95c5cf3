namespace CharityCMS.Clients;

/// <summary>
/// Equality monitoring: what she chose to tell us about herself, for the breakdowns funders ask
/// for. Every answer is optional; null means the question was not asked or not answered, and
/// "prefer not to say" is an answer of its own. Special category data: it is shown only to those
/// who reach her record and never named in a history or a log.
/// </summary>
public sealed record EqualityMonitoring(Gender? Gender, Ethnicity? Ethnicity, Disability? Disability, SexualOrientation? SexualOrientation)
{
    public static EqualityMonitoring NotRecorded { get; } = new(null, null, null, null);
}

// Stored by name: never rename a value once shipped.

/// <summary>"Woman" includes trans women.</summary>
public enum Gender { Woman, Man, NonBinary, AnotherGender, PreferNotToSay }

/// <summary>The ONS high-level ethnic groups.</summary>
public enum Ethnicity { Asian, Black, Mixed, White, OtherEthnicGroup, PreferNotToSay }

public enum Disability { Yes, No, PreferNotToSay }

public enum SexualOrientation { Heterosexual, GayOrLesbian, Bisexual, AnotherOrientation, PreferNotToSay }

public static class EqualityVocabulary
{
    public const string PreferNotToSay = "Prefer not to say";

    public static string Title(this Gender gender) => gender switch
    {
        Gender.Woman => "Woman",
        Gender.Man => "Man",
        Gender.NonBinary => "Non-binary",
        Gender.AnotherGender => "Another gender",
        _ => PreferNotToSay,
    };

    public static string Title(this Ethnicity ethnicity) => ethnicity switch
    {
        Ethnicity.Asian => "Asian or Asian British",
        Ethnicity.Black => "Black, Black British, Caribbean or African",
        Ethnicity.Mixed => "Mixed or multiple ethnic groups",
        Ethnicity.White => "White",
        Ethnicity.OtherEthnicGroup => "Another ethnic group",
        _ => PreferNotToSay,
    };

    public static string Title(this Disability disability) => disability switch
    {
        Disability.Yes => "Disabled",
        Disability.No => "Not disabled",
        _ => PreferNotToSay,
    };

    public static string Title(this SexualOrientation orientation) => orientation switch
    {
        SexualOrientation.Heterosexual => "Heterosexual or straight",
        SexualOrientation.GayOrLesbian => "Gay or lesbian",
        SexualOrientation.Bisexual => "Bisexual",
        SexualOrientation.AnotherOrientation => "Another sexual orientation",
        _ => PreferNotToSay,
    };
}
