using FluentValidation;

namespace CharityCMS.Workspaces;

/// <summary>Rules for the fields that describe a member, shared by the commands that carry them.</summary>
internal static class MemberFieldRules
{
    public static IRuleBuilderOptions<T, string> MemberEmail<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Enter an email address.")
            .MaximumLength(254).WithMessage("An email address can be at most 254 characters.")
            .EmailAddress().WithMessage("Enter an email address like name@example.org.");

    public static IRuleBuilderOptions<T, string> MemberName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Enter the person's name.")
            .MaximumLength(100).WithMessage("A name can be at most 100 characters.");

    public static IRuleBuilderOptions<T, IReadOnlyList<WorkspaceRole>> ValidRoles<T>(this IRuleBuilder<T, IReadOnlyList<WorkspaceRole>> rule) =>
        rule.NotEmpty().WithMessage("Choose at least one role.")
            .Must(roles => roles.All(Enum.IsDefined)).WithMessage("That is not a role.");
}
