namespace CharityCMS.Clients;

/// <summary>What the client search looks in: names, the reference and phone digits, folded to lower case.</summary>
public static class ClientSearchText
{
    public static string For(string reference, ClientPersonalDetails details, ClientContactDetails contact) =>
        string.Join(' ', new[] { reference, details.LegalName, details.PreferredName }
                .Where(s => !string.IsNullOrWhiteSpace(s))
                .Select(s => Fold(s!))
                .Concat(contact.Phones.Select(p => p.SearchDigits)));

    /// <summary>The words of a search term, each folded the way <see cref="For"/> folds the record.</summary>
    public static IReadOnlyList<string> Terms(string term) =>
        PhoneDigits.LooksLikePhone(term)
            ? [PhoneDigits.Normalise(term)]
            : Fold(term).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Fold(string value) => Text.Tidy(value).ToLowerInvariant();
}
