using FluentValidation;

namespace CharityCMS.Cases;

/// <summary>The limits every free-text field on a case shares, so each form gives the same message for the same mistake.</summary>
internal static class CaseTextRules
{
    public const int NoteMaximum = 4000;
    public const int LineMaximum = 200;

    public static IRuleBuilderOptions<T, string> RequiredNote<T>(this IRuleBuilder<T, string> rule, string what) => rule
        .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage($"Write the {what}.")
        .Must(v => v is null || v.Length <= NoteMaximum).WithMessage($"Keep the {what} under {NoteMaximum} characters; add another entry for more.")
        .Must(v => !Text.HasControlCharacters(v, allowLineBreaks: true)).WithMessage($"The {what} contains characters that cannot be stored.");

    public static IRuleBuilderOptions<T, string?> OptionalNote<T>(this IRuleBuilder<T, string?> rule, string what) => rule
        .Must(v => v is null || v.Length <= NoteMaximum).WithMessage($"Keep the {what} under {NoteMaximum} characters.")
        .Must(v => !Text.HasControlCharacters(v, allowLineBreaks: true)).WithMessage($"The {what} contains characters that cannot be stored.");

    public static IRuleBuilderOptions<T, string> RequiredLine<T>(this IRuleBuilder<T, string> rule, string what) => rule
        .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage($"Enter the {what}.")
        .Must(v => v is null || v.Length <= LineMaximum).WithMessage($"Keep the {what} under {LineMaximum} characters.")
        .Must(v => !Text.HasControlCharacters(v)).WithMessage($"The {what} contains characters that cannot be stored.");

    public static IRuleBuilderOptions<T, DateOnly> NotInFuture<T>(this IRuleBuilder<T, DateOnly> rule, TimeProvider clock, string what) => rule
        .Must(d => d <= UkCalendar.Today(clock)).WithMessage($"The {what} cannot be in the future.")
        .Must(d => d.Year >= 1950).WithMessage($"Check the year of the {what}.");
}
