using CharityCMS.Workspaces;
using FluentValidation;

namespace CharityCMS.Cases;

/// <summary>A new incident of abuse she tells us about. It calls for a reassessment of her risk and counts towards MARAC criteria.</summary>
public sealed record RecordIncident(Guid CaseId, DateOnly OccurredOn, bool ReportedToPolice, string? PoliceReference, string Summary);

public sealed class RecordIncidentValidator : AbstractValidator<RecordIncident>
{
    public RecordIncidentValidator(TimeProvider clock)
    {
        RuleFor(x => x.OccurredOn).NotInFuture(clock, "date of the incident");
        RuleFor(x => x.PoliceReference).MaximumLength(CaseTextRules.LineMaximum).WithMessage("Keep the police reference under 200 characters.");
        RuleFor(x => x.Summary).RequiredNote("summary of what happened");
    }
}

public sealed class RecordIncidentHandler(CaseStreams cases, IValidator<RecordIncident> validator)
{
    public async Task<Case> HandleAsync(WorkspaceAccess access, RecordIncident command, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(command, ct);
        return await cases.AppendAsync(access, command.CaseId, null, d => [d.Case.RecordIncident(command, d.By, d.At)], ct);
    }
}
