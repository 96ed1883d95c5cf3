using CharityCMS.Cases;
using CharityCMS.Grants;

namespace CharityCMS.Web.Grants;

/// <summary>The grant form as it is being typed; empty fields stay empty until the validator says what is missing.</summary>
public sealed class GrantTermsModel
{
    public Guid? FunderId { get; set; }
    public string Title { get; set; } = "";
    public string? Reference { get; set; }
    public decimal? Amount { get; set; }
    public bool Restricted { get; set; } = true;
    public DateTime? StartsOn { get; set; }
    public DateTime? EndsOn { get; set; }
    public HashSet<CaseService> Services { get; set; } = [];
    public string? Posts { get; set; }
    public Guid? OwnerId { get; set; }
    public DateTime? RenewalDueOn { get; set; }

    public static GrantTermsModel From(GrantTerms terms) => new()
    {
        FunderId = terms.FunderId,
        Title = terms.Title,
        Reference = terms.Reference,
        Amount = terms.Amount,
        Restricted = terms.Restricted,
        StartsOn = terms.StartsOn.ToDateTime(TimeOnly.MinValue),
        EndsOn = terms.EndsOn.ToDateTime(TimeOnly.MinValue),
        Services = terms.Services.ToHashSet(),
        Posts = terms.Posts,
        OwnerId = terms.Owner.Id,
        RenewalDueOn = terms.RenewalDueOn?.ToDateTime(TimeOnly.MinValue),
    };

    // Missing dates and amounts become values the validator refuses with the field's own message.
    public GrantTermsForm ToForm() => new(
        FunderId ?? Guid.Empty,
        Title ?? "",
        Reference,
        Amount ?? 0,
        Restricted,
        StartsOn is { } s ? DateOnly.FromDateTime(s) : DateOnly.MinValue,
        EndsOn is { } e ? DateOnly.FromDateTime(e) : DateOnly.MinValue,
        Enum.GetValues<CaseService>().Where(Services.Contains).ToList(),
        Posts,
        OwnerId ?? Guid.Empty,
        RenewalDueOn is { } r ? DateOnly.FromDateTime(r) : null);
}
