namespace CharityCMS.Donations;

public enum DeclarationMethod
{
    Online,
    Oral,
    Written,
}

/// <summary>Who made a Gift Aid declaration, in the parts HMRC's claim schedule asks for.</summary>
public sealed record GiftAidDeclarant(string? Title, string FirstName, string LastName, string HouseNameOrNumber, string AddressLines, string Postcode)
{
    public string FullName => Title is { Length: > 0 } ? $"{Title} {FirstName} {LastName}" : $"{FirstName} {LastName}";
}
