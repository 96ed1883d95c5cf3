using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;

namespace CharityCMS.Donations;

/// <summary>
/// What the donor filled in on the public donation page, as typed. Nothing here is ever logged,
/// put in an address or sent to Stripe, except the email she asks her receipt at.
/// </summary>
public sealed record DonationForm
{
    public string? Amount { get; init; }
    public bool Monthly { get; init; }
    public string? Campaign { get; init; }

    public bool GiftAid { get; init; }
    public string? Title { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? HouseNameOrNumber { get; init; }
    public string? Address { get; init; }
    public string? Postcode { get; init; }
    public bool TaxpayerStatement { get; init; }

    public string? Email { get; init; }
    public bool EmailConsent { get; init; }

    public DonationKind Kind => Monthly ? DonationKind.Monthly : DonationKind.OneOff;

    public long? AmountPence => DonationAmount.Pence(Amount);

    /// <summary>Her declaration tidied for HMRC's schedule, when she made one.</summary>
    public GiftAidDeclarant? Declarant => GiftAid
        ? new GiftAidDeclarant(Text.TidyOrNull(Title), Text.TidyOrNull(FirstName) ?? "", Text.TidyOrNull(LastName) ?? "",
            Text.TidyOrNull(HouseNameOrNumber) ?? "", Text.TidyOrNull(Address) ?? "", UkPostcode.Format(Postcode ?? ""))
        : null;

    public string? TidyEmail => Text.TidyOrNull(Email);
}

/// <summary>An amount in pounds as a person types it: "10", "12.50", "£25", "1,000".</summary>
public static partial class DonationAmount
{
    public static long? Pence(string? typed)
    {
        var text = Clean(typed);
        if (!Pattern().IsMatch(text)) return null;
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var pounds) && pounds <= 100_000_000m
            ? (long)(pounds * 100)
            : null;
    }

    public static bool IsNumber(string? typed) => decimal.TryParse(Clean(typed), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

    public static string Pounds(long pence) => pence % 100 == 0
        ? (pence / 100).ToString("#,0", CultureInfo.InvariantCulture)
        : (pence / 100m).ToString("#,0.00", CultureInfo.InvariantCulture);

    private static string Clean(string? typed) =>
        (typed ?? "").Trim().TrimStart('£').Replace(",", "", StringComparison.Ordinal).Trim();

    [GeneratedRegex(@"^[0-9]{1,9}(\.[0-9]{1,2})?$")]
    private static partial Regex Pattern();
}

/// <summary>
/// The donation page's rules, for the workspace's own minimum and maximum. Internal: it is made per
/// workspace's settings, not taken from the container like the other validators.
/// </summary>
internal sealed class DonationFormValidator : AbstractValidator<DonationForm>
{
    public DonationFormValidator(DonationSettings settings)
    {
        var minimum = (long)(settings.MinimumPounds * 100);
        var maximum = (long)(settings.MaximumPounds * 100);
        RuleFor(x => x.Amount).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Choose or enter an amount to give.")
            .Must(DonationAmount.IsNumber).WithMessage("Enter the amount as a number of pounds, like 10 or 12.50.")
            .Must(a => DonationAmount.Pence(a) is not null).WithMessage("Enter the amount in pounds and pence, with at most two numbers after the point, like 12.50.")
            .Must(a => DonationAmount.Pence(a) >= minimum).WithMessage($"The smallest gift we can take online is £{DonationAmount.Pounds(minimum)}.")
            .Must(a => DonationAmount.Pence(a) <= maximum)
            .WithMessage($"The largest gift we can take online is £{DonationAmount.Pounds(maximum)}. For a larger gift, please contact the charity.");

        When(x => x.GiftAid, () =>
        {
            RuleFor(x => x.FirstName).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter your first name for Gift Aid.")
                .MaximumLength(35).WithMessage("HMRC takes first names of up to 35 characters.");
            RuleFor(x => x.LastName).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter your last name for Gift Aid.")
                .MaximumLength(35).WithMessage("HMRC takes last names of up to 35 characters.");
            RuleFor(x => x.Title).MaximumLength(4).WithMessage("HMRC takes titles of up to 4 letters, like Ms or Dr.");
            RuleFor(x => x.HouseNameOrNumber).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter your house name or number for Gift Aid.")
                .MaximumLength(40).WithMessage("Keep the house name or number to 40 characters.");
            RuleFor(x => x.Address).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the rest of your home address for Gift Aid.")
                .MaximumLength(200).WithMessage("Keep the address to 200 characters.");
            RuleFor(x => x.Postcode).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter your home postcode for Gift Aid.")
                .Must(UkPostcode.IsValid).WithMessage("Enter a UK postcode, like SW1A 1AA.");
            RuleFor(x => x.TaxpayerStatement).Equal(true)
                .WithMessage("Tick the box to confirm you are a UK taxpayer, or untick Gift Aid.");
        });

        RuleFor(x => x.TidyEmail).Cascade(CascadeMode.Stop)
            .MaximumLength(254).WithMessage("Keep the email address to 254 characters.")
            .EmailAddress().WithMessage("Enter an email address like name@example.org, or leave it empty.")
            .OverridePropertyName(nameof(DonationForm.Email))
            .When(x => x.TidyEmail is not null);
        RuleFor(x => x.Campaign).MaximumLength(40);
    }
}
