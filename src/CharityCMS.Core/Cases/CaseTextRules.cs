using FluentValidation;

namespace CharityCMS.Cases;

/// <summary>The limits every free-text field on a case (and on the people on her file) shares, so each form gives the same message for the same mistake.</summary>
internal static class CaseTextRules
{
    public const int NoteMaximum = 4000;
    public const int LineMaximum = 200;

    public static IRuleBuilderOptions<T, string> RequiredNote<T>(this IRuleBuilder<T, string> rule, string what) => rule
        .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage($"Write the {what}.")
        .Must(v => v is null || v.Length <= NoteMaximum).WithMessage($"Keep the {what} under {NoteMaximum} characters; add another entry for more.")
        .StorableText(what, allowLineBreaks: true);

    public static IRuleBuilderOptions<T, string?> OptionalNote<T>(this IRuleBuilder<T, string?> rule, string what) => rule
        .Must(v => v is null || v.Length <= NoteMaximum).WithMessage($"Keep the {what} under {NoteMaximum} characters.")
        .StorableText(what, allowLineBreaks: true);

    public static IRuleBuilderOptions<T, string> RequiredLine<T>(this IRuleBuilder<T, string> rule, string what) => rule
        .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage($"Enter the {what}.")
        .Must(v => v is null || v.Length <= LineMaximum).WithMessage($"Keep the {what} under {LineMaximum} characters.")
        .StorableText(what);

    public static IRuleBuilderOptions<T, string?> OptionalLine<T>(this IRuleBuilder<T, string?> rule, string what) => rule
        .Must(v => v is null || v.Length <= LineMaximum).WithMessage($"Keep the {what} under {LineMaximum} characters.")
        .StorableText(what);

    /// <summary>Control characters (pasted from other systems, or sent on purpose) corrupt exports and letters; line breaks only where the field is a note.</summary>
    public static IRuleBuilderOptions<T, TText> StorableText<T, TText>(this IRuleBuilder<T, TText> rule, string what, bool allowLineBreaks = false)
        where TText : class? => rule
        .Must(v => !Text.HasControlCharacters(v as string, allowLineBreaks)).WithMessage($"The {what} contains characters that cannot be stored.");

    public static IRuleBuilderOptions<T, DateOnly> NotInFuture<T>(this IRuleBuilder<T, DateOnly> rule, TimeProvider clock, string what) => rule
        .Must(d => d <= UkCalendar.Today(clock)).WithMessage($"The {what} cannot be in the future.")
        .Must(d => d.Year >= 1950).WithMessage($"Check the year of the {what}.");
}
