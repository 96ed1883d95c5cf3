using CharityCMS.Cases;
using CharityCMS.Settings;
using CharityCMS.Workspaces;
using FluentValidation;
using Marten;

namespace CharityCMS.Risk;

/// <summary>Completes an assessment: scored with the workspace's bands, then never changed again.</summary>
public sealed record CompleteRiskAssessment(Guid AssessmentId, long ExpectedVersion, RiskForm Form);

public sealed class CompleteRiskAssessmentValidator : AbstractValidator<CompleteRiskAssessment>
{
    public CompleteRiskAssessmentValidator() => RuleFor(x => x.Form).NotNull().SetValidator(new RiskFormValidator());
}

public sealed class CompleteRiskAssessmentHandler(IDocumentStore store, IValidator<CompleteRiskAssessment> validator, CaseloadGuard guard, TimeProvider clock)
{
    public async Task HandleAsync(WorkspaceAccess access, CompleteRiskAssessment command, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "assess risk");
        await validator.ValidateAndThrowAsync(command, ct);
        await RiskAssessmentStream.AppendAsync(store, guard, access, command.AssessmentId, command.ExpectedVersion, async (session, assessment) =>
        {
            var settings = await CaseworkSettingsStore.ReadAsync(session, ct);
            return (WorkspaceEvent)assessment.Complete(command.Form, settings.RiskBands, access.Member, clock.GetUtcNow());
        }, ct);
    }
}
