using CharityCMS.Workspaces;
using FluentValidation;

namespace CharityCMS.Cases;

/// <summary>Allocates a waiting case to a worker, or transfers an allocated one with a handover note.</summary>
public sealed record AllocateCase(Guid CaseId, long ExpectedVersion, Guid WorkerId, string? Note);

public sealed class AllocateCaseValidator : AbstractValidator<AllocateCase>
{
    public AllocateCaseValidator()
    {
        RuleFor(x => x.WorkerId).NotEmpty().WithMessage("Choose the worker.");
        RuleFor(x => x.Note).OptionalNote("handover note");
    }
}

public sealed class AllocateCaseHandler(CaseStreams cases, CaseWorkers workers, IValidator<AllocateCase> validator)
{
    public async Task<Case> HandleAsync(WorkspaceAccess access, AllocateCase command, CancellationToken ct)
    {
        // Allocation decides who reaches the client from now on, so it is the managers' call.
        access.Require(WorkspaceRole.Manager, "allocate or transfer cases");
        await validator.ValidateAndThrowAsync(command, ct);
        var worker = await workers.FindAsync(access.WorkspaceId, command.WorkerId, ct);
        return await cases.AppendAsync(access, command.CaseId, command.ExpectedVersion,
            d => d.Case.Allocate(worker, command.Note, d.By, d.At), ct);
    }
}
