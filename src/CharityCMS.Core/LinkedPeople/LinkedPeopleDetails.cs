namespace CharityCMS.LinkedPeople;

/// <summary>Children's social care involvement, as the worker knows it. Stored by name.</summary>
public enum SocialCareInvolvement { None, NotKnown, EarlyHelp, ChildInNeed, ChildProtection, LookedAfter }

/// <summary>How the perpetrator is related to her. Stored by name.</summary>
public enum PerpetratorRelationship { Partner, ExPartner, FamilyMember, PartnersFamily, Acquaintance, Stranger, Other }

/// <summary>A child of the client's (or in her household).</summary>
public sealed record ChildDetails(string Name, DateOnly? DateOfBirth, string? School, SocialCareInvolvement SocialCare, string? SafeguardingConcern)
{
    internal ChildDetails Normalised() => this with
    {
        Name = Text.Tidy(Name),
        School = Text.TidyOrNull(School),
        SafeguardingConcern = Text.TidyOrNull(SafeguardingConcern, keepLineBreaks: true),
    };
}

/// <summary>
/// The person who harmed her. Shown only on her own record: never in a list, a search result or an
/// export, and never released to him.
/// </summary>
public sealed record PerpetratorDetails(
    string Name,
    IReadOnlyList<string> Aliases,
    DateOnly? DateOfBirth,
    PerpetratorRelationship Relationship,
    string? Description,
    string? PoliceReference,
    string? BailOrOrderConditions)
{
    internal PerpetratorDetails Normalised() => this with
    {
        Name = Text.Tidy(Name),
        Aliases = Aliases.Select(a => Text.TidyOrNull(a)).OfType<string>().Distinct().ToList(),
        Description = Text.TidyOrNull(Description, keepLineBreaks: true),
        PoliceReference = Text.TidyOrNull(PoliceReference),
        BailOrOrderConditions = Text.TidyOrNull(BailOrOrderConditions, keepLineBreaks: true),
    };

    public bool Equals(PerpetratorDetails? other) =>
        other is not null && Name == other.Name && Aliases.SequenceEqual(other.Aliases) && DateOfBirth == other.DateOfBirth
        && Relationship == other.Relationship && Description == other.Description && PoliceReference == other.PoliceReference
        && BailOrOrderConditions == other.BailOrOrderConditions;

    public override int GetHashCode() => HashCode.Combine(Name, DateOfBirth, Relationship);
}

public static class LinkedPeopleVocabulary
{
    public static string Title(this SocialCareInvolvement involvement) => involvement switch
    {
        SocialCareInvolvement.None => "None",
        SocialCareInvolvement.NotKnown => "Not known",
        SocialCareInvolvement.EarlyHelp => "Early help",
        SocialCareInvolvement.ChildInNeed => "Child in need",
        SocialCareInvolvement.ChildProtection => "Child protection plan",
        SocialCareInvolvement.LookedAfter => "Looked after",
        _ => involvement.ToString(),
    };

    public static string Title(this PerpetratorRelationship relationship) => relationship switch
    {
        PerpetratorRelationship.ExPartner => "Ex-partner",
        PerpetratorRelationship.FamilyMember => "Family member",
        PerpetratorRelationship.PartnersFamily => "Partner's family",
        _ => relationship.ToString(),
    };
}
