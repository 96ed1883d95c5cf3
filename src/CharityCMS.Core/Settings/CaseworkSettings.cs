using CharityCMS.Cases;
using CharityCMS.Risk;
using FluentValidation;

namespace CharityCMS.Settings;

/// <summary>
/// How one charity runs its casework: the services it offers, its risk bands and how often each
/// level is reassessed, and when a high-risk case with no contact is flagged. One document per
/// workspace, in the workspace's tenant; a workspace that never saved its settings has the defaults.
/// </summary>
public sealed record CaseworkSettings
{
    public const string DocumentId = "casework";

    public string Id { get; init; } = DocumentId;

    public IReadOnlyList<CaseService> Services { get; init; } = Enum.GetValues<CaseService>();

    public RiskBands RiskBands { get; init; } = RiskBands.Default;

    /// <summary>Weeks from a completed assessment to its reassessment, by level.</summary>
    public int StandardReassessmentWeeks { get; init; } = 26;
    public int MediumReassessmentWeeks { get; init; } = 12;
    public int HighReassessmentWeeks { get; init; } = 8;

    /// <summary>A high-risk open case with no successful contact for this many days raises a reminder.</summary>
    public int HighRiskNoContactDays { get; init; } = 14;

    public static readonly CaseworkSettings Default = new();

    public int ReassessmentWeeks(RiskLevel level) => level switch
    {
        RiskLevel.High => HighReassessmentWeeks,
        RiskLevel.Medium => MediumReassessmentWeeks,
        _ => StandardReassessmentWeeks,
    };
}

public sealed class CaseworkSettingsValidator : AbstractValidator<CaseworkSettings>
{
    public CaseworkSettingsValidator()
    {
        RuleFor(x => x.Services).NotEmpty().WithMessage("Choose at least one service your charity runs.");
        RuleFor(x => x.RiskBands.MediumFrom).InclusiveBetween(1, 23)
            .WithName("Medium risk from").WithMessage("Medium risk must start between 1 and 23 \"yes\" answers.");
        RuleFor(x => x.RiskBands.HighFrom).InclusiveBetween(2, 24)
            .GreaterThan(x => x.RiskBands.MediumFrom)
            .WithName("High risk from").WithMessage("High risk must start above medium risk and at most at 24 \"yes\" answers.");
        RuleFor(x => x.StandardReassessmentWeeks).InclusiveBetween(1, 52).WithMessage("Reassess standard risk every 1 to 52 weeks.");
        RuleFor(x => x.MediumReassessmentWeeks).InclusiveBetween(1, 52).WithMessage("Reassess medium risk every 1 to 52 weeks.");
        RuleFor(x => x.HighReassessmentWeeks).InclusiveBetween(1, 26).WithMessage("Reassess high risk every 1 to 26 weeks.");
        RuleFor(x => x.HighRiskNoContactDays).InclusiveBetween(1, 60).WithMessage("Flag high-risk cases after 1 to 60 days without contact.");
    }
}
