using CharityCMS.Cases;
using CharityCMS.Workspaces;
using FluentValidation;
using JasperFx;
using Marten;

namespace CharityCMS.Risk;

/// <summary>Saves the checklist form so far, against the version the worker loaded.</summary>
public sealed record SaveRiskDraft(Guid AssessmentId, long ExpectedVersion, RiskForm Form);

public sealed class SaveRiskDraftValidator : AbstractValidator<SaveRiskDraft>
{
    public SaveRiskDraftValidator() => RuleFor(x => x.Form).NotNull().SetValidator(new RiskFormValidator());
}

public sealed class SaveRiskDraftHandler(IDocumentStore store, IValidator<SaveRiskDraft> validator, CaseloadGuard guard, TimeProvider clock)
{
    /// <returns>The assessment's version after the save, for the next save.</returns>
    public async Task<long> HandleAsync(WorkspaceAccess access, SaveRiskDraft command, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "assess risk");
        await validator.ValidateAndThrowAsync(command, ct);
        return await RiskAssessmentStream.AppendAsync(store, guard, access, command.AssessmentId, command.ExpectedVersion,
            (_, assessment) => Task.FromResult<WorkspaceEvent>(assessment.SaveDraft(command.Form, access.Member, clock.GetUtcNow())), ct);
    }
}

/// <summary>Loads an assessment for a change: in the member's workspace, on her caseload, at the version she loaded.</summary>
internal static class RiskAssessmentStream
{
    public static async Task<long> AppendAsync(
        IDocumentStore store, CaseloadGuard guard, WorkspaceAccess access, Guid assessmentId, long expectedVersion,
        Func<IDocumentSession, RiskAssessment, Task<WorkspaceEvent>> decide, CancellationToken ct)
    {
        await using var session = store.LightweightSession(access.WorkspaceId);
        var current = await session.LoadAsync<RiskAssessment>(assessmentId, ct) ?? throw new RiskAssessmentNotFoundException();
        await guard.RequireAsync(session, access, current.ClientId, ct);
        try
        {
            var stream = await session.Events.FetchForWriting<RiskAssessment>(assessmentId, expectedVersion, ct);
            var assessment = stream.Aggregate ?? throw new RiskAssessmentNotFoundException();
            var decided = await decide(session, assessment);
            stream.AppendOne(decided);
            if (decided is RiskAssessmentCompleted) session.Delete<OpenRiskDraft>(assessment.ClientId);
            await session.SaveChangesAsync(ct);
            return expectedVersion + 1;
        }
        catch (ConcurrencyException)
        {
            await using var fresh = store.QuerySession(access.WorkspaceId);
            var latest = await fresh.LoadAsync<RiskAssessment>(assessmentId, ct) ?? throw new RiskAssessmentNotFoundException();
            if (latest.IsCompleted) throw new RiskAssessmentCompletedException(UkCalendar.DateOf(latest.CompletedAt!.Value));
            throw new ChangedElsewhereException(latest.LastChangedBy.Name, latest.LastChangedAt);
        }
    }
}
