using CharityCMS.Clients;
using FluentValidation;

namespace CharityCMS.Referrals;

/// <summary>The rules for the woman's details on any referral, from an agency or from herself.</summary>
public sealed class ReferredPersonValidator : AbstractValidator<ReferredPerson>
{
    /// <param name="clock">For "today", in London.</param>
    /// <param name="herOwnForm">Messages addressed to her, on the public form, rather than to staff.</param>
    public ReferredPersonValidator(TimeProvider clock, bool herOwnForm = false)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(herOwnForm ? "Tell us a name we can use for you." : "Enter her name, or the name she would like us to use.")
            .MaximumLength(100).WithMessage("The name can be at most 100 characters.")
            .Must(v => !Text.HasControlCharacters(v)).WithMessage(ControlCharacters);
        RuleFor(x => x.DateOfBirth)
            .Must(d => d is null || d <= UkCalendar.Today(clock)).WithMessage("The date of birth cannot be in the future.")
            .Must(d => d is null || d > UkCalendar.Today(clock).AddYears(-ClientPersonalDetailsValidator.MaximumAge))
            .WithMessage($"The date of birth gives an age over {ClientPersonalDetailsValidator.MaximumAge}; check the year.");
        RuleFor(x => x.ApproximateAge)
            .InclusiveBetween(0, ClientPersonalDetailsValidator.MaximumAge)
            .WithMessage($"An age must be between 0 and {ClientPersonalDetailsValidator.MaximumAge}.")
            .Must((person, age) => age is null || person.DateOfBirth is null).WithMessage("Give a date of birth or an age, not both.");
        RuleFor(x => x.Contact).NotNull().SetValidator(new ClientContactDetailsValidator());
        RuleFor(x => x.Address).SetValidator(new PostalAddressValidator()!);
    }

    internal const string ControlCharacters = "Remove the hidden control characters from this text.";
}

internal static class ReferralRules
{
    public const int ReasonMaximumLength = 4000;
    public const int NoteMaximumLength = 2000;

    public static IRuleBuilderOptions<T, string?> FreeText<T>(this IRuleBuilder<T, string?> rule, int maximum, string what) =>
        rule.MaximumLength(maximum).WithMessage($"{what} can be at most {maximum:N0} characters.")
            .Must(v => !Text.HasControlCharacters(v, allowLineBreaks: true)).WithMessage(ReferredPersonValidator.ControlCharacters);
}
