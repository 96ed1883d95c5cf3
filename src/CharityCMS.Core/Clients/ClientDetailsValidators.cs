using FluentValidation;

namespace CharityCMS.Clients;

/// <summary>A command that carries a client's details: registration and edits.</summary>
public interface IClientDetailsCommand
{
    ClientPersonalDetails Details { get; }
    ClientContactDetails Contact { get; }
    PostalAddress? Address { get; }
    EqualityMonitoring? Monitoring { get; }
}

/// <summary>The rules every command carrying a client's details obeys, for registration and for edits alike.</summary>
public abstract class ClientDetailsCommandValidator<T> : AbstractValidator<T> where T : IClientDetailsCommand
{
    protected ClientDetailsCommandValidator(TimeProvider clock)
    {
        RuleFor(x => x.Details).NotNull().SetValidator(new ClientPersonalDetailsValidator(clock));
        RuleFor(x => x.Contact).NotNull().SetValidator(new ClientContactDetailsValidator());
        RuleFor(x => x.Address).SetValidator(new PostalAddressValidator()!);
        RuleFor(x => x.Monitoring).SetValidator(new EqualityMonitoringValidator()!);
    }
}

/// <summary>Each answer is optional, and one of the choices offered when given.</summary>
public sealed class EqualityMonitoringValidator : AbstractValidator<EqualityMonitoring>
{
    public EqualityMonitoringValidator()
    {
        const string message = "Choose from the list, or leave it blank.";
        RuleFor(x => x.Gender).IsInEnum().WithMessage(message);
        RuleFor(x => x.Ethnicity).IsInEnum().WithMessage(message);
        RuleFor(x => x.Disability).IsInEnum().WithMessage(message);
        RuleFor(x => x.SexualOrientation).IsInEnum().WithMessage(message);
    }
}

public sealed class ClientPersonalDetailsValidator : AbstractValidator<ClientPersonalDetails>
{
    public const int MaximumAge = 120;

    public ClientPersonalDetailsValidator(TimeProvider clock)
    {
        RuleFor(x => x.LegalName).NotEmpty().WithMessage("Enter the client's legal name.")
            .MaximumLength(100).WithMessage("The legal name can be at most 100 characters.")
            .PlainText();
        RuleFor(x => x.PreferredName).MaximumLength(100).WithMessage("The preferred name can be at most 100 characters.")
            .PlainText();
        RuleFor(x => x.DateOfBirth)
            .Must(d => d is null || d <= Today(clock)).WithMessage("The date of birth cannot be in the future.")
            .Must(d => d is null || d > Today(clock).AddYears(-MaximumAge)).WithMessage($"The date of birth gives an age over {MaximumAge}; check the year.");
        RuleFor(x => x.ApproximateAge)
            .InclusiveBetween(0, MaximumAge).WithMessage($"An approximate age must be between 0 and {MaximumAge}.")
            .Must((details, age) => age is null || details.DateOfBirth is null)
            .WithMessage("Give a date of birth or an approximate age, not both.");
        RuleFor(x => x.Pronouns).MaximumLength(30).WithMessage("Pronouns can be at most 30 characters.").PlainText();
        RuleFor(x => x.PreferredLanguage).NotEmpty().WithMessage("Enter the client's preferred language.")
            .MaximumLength(50).WithMessage("The language can be at most 50 characters.").PlainText();
    }

    private static DateOnly Today(TimeProvider clock) => UkCalendar.Today(clock);
}

public sealed class PhoneNumberValidator : AbstractValidator<PhoneNumber>
{
    public PhoneNumberValidator()
    {
        RuleFor(x => x.Number).NotEmpty().WithMessage("Enter the phone number, or remove this row.")
            .MaximumLength(25).WithMessage("A phone number can be at most 25 characters.")
            .Matches(@"^\+?[0-9 ()\-]+$").WithMessage("A phone number can hold only digits, spaces, brackets, hyphens and a leading +.")
            .Must(n => n.Count(char.IsAsciiDigit) is >= 7 and <= 15).WithMessage("A phone number has 7 to 15 digits.");
        RuleFor(x => x.Label).MaximumLength(30).WithMessage("A label can be at most 30 characters.").PlainText();
        RuleFor(x => x.SafeForVoicemail).Equal(false).When(x => !x.SafeToCall)
            .WithMessage("A number that is not safe to call is not safe for voicemail either.");
    }
}

public sealed class ClientContactDetailsValidator : AbstractValidator<ClientContactDetails>
{
    public const int MaximumPhones = 5;

    public ClientContactDetailsValidator()
    {
        RuleFor(x => x.Phones).Must(p => p.Count <= MaximumPhones).WithMessage($"Record at most {MaximumPhones} phone numbers.")
            .Must(p => p.Select(n => n.SearchDigits).Distinct().Count() == p.Count).WithMessage("The same phone number is listed twice.");
        RuleForEach(x => x.Phones).SetValidator(new PhoneNumberValidator());
        RuleFor(x => x.Email!.Address)
            .MaximumLength(254).WithMessage("An email address can be at most 254 characters.")
            .EmailAddress().WithMessage("Enter an email address like name@example.org.")
            .OverridePropertyName("Email.Address")
            .When(x => x.Email is not null && !string.IsNullOrWhiteSpace(x.Email.Address));
        RuleFor(x => x.SafeContactNotes).MaximumLength(2000).WithMessage("Safe-contact notes can be at most 2,000 characters.")
            .PlainText(allowLineBreaks: true);
    }
}

public sealed class PostalAddressValidator : AbstractValidator<PostalAddress>
{
    public PostalAddressValidator()
    {
        RuleFor(x => x.Line1).NotEmpty().WithMessage("Enter the first line of the address.")
            .MaximumLength(100).WithMessage("An address line can be at most 100 characters.").PlainText();
        RuleFor(x => x.Line2).MaximumLength(100).WithMessage("An address line can be at most 100 characters.").PlainText();
        RuleFor(x => x.Town).NotEmpty().WithMessage("Enter the town or city.")
            .MaximumLength(60).WithMessage("A town can be at most 60 characters.").PlainText();
        RuleFor(x => x.Postcode).NotEmpty().WithMessage("Enter the postcode.")
            .Must(UkPostcode.IsValid).WithMessage("Enter a UK postcode, such as LS1 4AP.");
    }
}

internal static class PlainTextRule
{
    /// <summary>Refuses control characters, which nobody types and which break exports. Markup is allowed: it is stored and shown as text.</summary>
    public static IRuleBuilderOptions<T, string?> PlainText<T>(this IRuleBuilder<T, string?> rule, bool allowLineBreaks = false) =>
        rule.Must(v => !Text.HasControlCharacters(v, allowLineBreaks)).WithMessage("Remove the hidden control characters from this text.");
}
