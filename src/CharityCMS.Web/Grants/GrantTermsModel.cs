using CharityCMS.Cases;
using CharityCMS.Grants;
using CharityCMS.Web.Shell;

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
        StartsOn = PickerDates.ToPicker(terms.StartsOn),
        EndsOn = PickerDates.ToPicker(terms.EndsOn),
        Services = terms.Services.ToHashSet(),
        Posts = terms.Posts,
        OwnerId = terms.Owner.Id,
        RenewalDueOn = PickerDates.ToPicker(terms.RenewalDueOn),
    };

    // Missing dates and amounts become values the validator refuses with the field's own message.
    public GrantTermsForm ToForm() => new(
        FunderId ?? Guid.Empty,
        Title ?? "",
        Reference,
        Amount ?? 0,
        Restricted,
        PickerDates.FromPicker(StartsOn) ?? DateOnly.MinValue,
        PickerDates.FromPicker(EndsOn) ?? DateOnly.MinValue,
        Enum.GetValues<CaseService>().Where(Services.Contains).ToList(),
        Posts,
        OwnerId ?? Guid.Empty,
        PickerDates.FromPicker(RenewalDueOn));
}
