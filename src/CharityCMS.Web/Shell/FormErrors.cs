using FluentValidation;
using FluentValidation.Results;

namespace CharityCMS.Web.Shell;

/// <summary>
/// The validator's messages for a form, keyed by the property path the command uses
/// ("Details.LegalName", "Contact.Phones[0].Number"), so each field shows its own message.
/// </summary>
public sealed class FormErrors
{
    private Dictionary<string, string> errors = [];

    public bool Any => errors.Count > 0;

    public IReadOnlyCollection<string> Messages => errors.Values;

    public bool Has(string field) => errors.ContainsKey(field);

    public string? For(string field) => errors.GetValueOrDefault(field);

    /// <summary>The first message about a list typed into one field ("Details.Aliases" or any "Details.Aliases[i]").</summary>
    public string? ForList(string field) =>
        For(field) ?? errors.FirstOrDefault(e => e.Key.StartsWith(field + "[", StringComparison.Ordinal)).Value;

    public void Show(IEnumerable<ValidationFailure> failures) =>
        errors = failures.GroupBy(f => f.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage);

    public void Show(ValidationException refused) => Show(refused.Errors);

    public void Clear() => errors = [];
}
