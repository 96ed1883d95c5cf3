using CharityCMS.Workspaces;
using FluentValidation;

namespace CharityCMS.Grants;

/// <summary>The kinds of funder a VAWG charity answers to. Stored by name: never rename a value once shipped.</summary>
public enum FunderType
{
    PoliceAndCrimeCommissioner,
    MinistryOfJusticeFund,
    LocalAuthority,
    Lottery,
    Trust,
    Corporate,
    Other,
}

public static class FunderTypes
{
    public static string Title(this FunderType type) => type switch
    {
        FunderType.PoliceAndCrimeCommissioner => "Police and Crime Commissioner",
        FunderType.MinistryOfJusticeFund => "Ministry of Justice fund",
        FunderType.LocalAuthority => "Local authority",
        FunderType.Lottery => "Lottery",
        FunderType.Trust => "Trust or foundation",
        FunderType.Corporate => "Corporate",
        _ => "Other",
    };
}

/// <summary>Who a funder is and whom to talk to there. Never about clients.</summary>
public sealed record FunderDetails(string Name, FunderType Type, string? ContactName, string? ContactEmail, string? ContactPhone, string? Notes)
{
    internal FunderDetails Normalised() => this with
    {
        Name = Text.Tidy(Name),
        ContactName = Text.TidyOrNull(ContactName),
        ContactEmail = Text.TidyOrNull(ContactEmail),
        ContactPhone = Text.TidyOrNull(ContactPhone),
        Notes = Text.TidyOrNull(Notes, keepLineBreaks: true),
    };
}

public sealed record FunderRegistered(FunderDetails Details, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);

public sealed record FunderDetailsChanged(FunderDetails Details, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);

/// <summary>A funder of the workspace: the state of its stream, kept inline for the funder list and the grant forms.</summary>
// partial: Marten's source generator writes the projection code for this snapshot into the other part.
public sealed partial class Funder
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public FunderDetails Details { get; set; } = null!;

    /// <summary>The name, duplicated into a column so the list sorts on it.</summary>
    public string Name { get; set; } = "";
    public DateTimeOffset LastChangedAt { get; set; }
    public StaffMember LastChangedBy { get; set; } = null!;

    public static Funder Create(FunderRegistered registered) =>
        new Funder().With(registered.Details, registered);

    public void Apply(FunderDetailsChanged changed) => With(changed.Details, changed);

    private Funder With(FunderDetails details, WorkspaceEvent e)
    {
        Details = details;
        Name = details.Name;
        LastChangedAt = e.At;
        LastChangedBy = e.By;
        return this;
    }
}

public sealed class FunderDetailsValidator : AbstractValidator<FunderDetails>
{
    public FunderDetailsValidator()
    {
        RuleFor(x => x.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Enter the funder's name.")
            .MaximumLength(150).WithMessage("Keep the name under 150 characters.");
        RuleFor(x => x.Type).IsInEnum().WithMessage("Choose the kind of funder.");
        RuleFor(x => x.ContactName).MaximumLength(100).WithMessage("Keep the contact's name under 100 characters.");
        RuleFor(x => x.ContactEmail).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.ContactEmail))
            .WithMessage("Enter an email address like name@example.org.")
            .MaximumLength(254).WithMessage("Keep the email address under 254 characters.");
        RuleFor(x => x.ContactPhone).MaximumLength(30).WithMessage("Keep the phone number under 30 characters.");
        RuleFor(x => x.Notes).MaximumLength(2000).WithMessage("Keep the notes under 2,000 characters.");
    }
}
