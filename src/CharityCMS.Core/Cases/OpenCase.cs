using CharityCMS.Clients;
using CharityCMS.Settings;
using CharityCMS.Workspaces;
using FluentValidation;
using Marten;

namespace CharityCMS.Cases;

/// <summary>Opens a case for a client under one of the workspace's services, allocated to a worker or waiting for one.</summary>
public sealed record OpenCase(Guid ClientId, CaseService Service, Guid? WorkerId, DateOnly OpenedOn, Guid? ReferralId = null);

public sealed class OpenCaseValidator : AbstractValidator<OpenCase>
{
    public OpenCaseValidator(TimeProvider clock)
    {
        RuleFor(x => x.ClientId).NotEmpty().WithMessage("Choose the client.");
        RuleFor(x => x.Service).IsInEnum().WithMessage("Choose a service.");
        RuleFor(x => x.OpenedOn).Must(day => day <= UkCalendar.Today(clock)).WithMessage("A case cannot be opened on a future date.")
            .Must(day => day.Year >= 2000).WithMessage("Enter the date the case was opened.");
    }
}

public sealed class OpenCaseHandler(IDocumentStore store, IValidator<OpenCase> validator, CaseWorkers workers, CaseloadGuard guard, TimeProvider clock)
{
    public async Task<Guid> HandleAsync(WorkspaceAccess access, OpenCase command, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "open cases");
        await validator.ValidateAndThrowAsync(command, ct);

        await using var session = store.LightweightSession(access.WorkspaceId);
        if (await session.LoadAsync<Client>(command.ClientId, ct) is null) throw new ClientNotFoundException();
        // Reach by break-glass is for a few hours: a case allocated on the strength of it would make it permanent.
        if (await guard.RequireReachAsync(session, access, command.ClientId, ct) == ClientReach.BreakGlass && command.WorkerId is not null)
            throw new CaseworkRuleException("This client is not on your caseload: open the case without a worker, and a manager will allocate it.");
        var caseId = Guid.CreateVersion7();
        session.Events.StartStream<Case>(caseId, await DecideAsync(session, access, command, ct));
        await session.SaveChangesAsync(ct);
        return caseId;
    }

    /// <summary>The event that opens the case, for this handler and for triage, which opens a case in its own session.</summary>
    public async Task<CaseOpened> DecideAsync(IDocumentSession session, WorkspaceAccess access, OpenCase command, CancellationToken ct)
    {
        var client = await session.LoadAsync<Client>(command.ClientId, ct) ?? throw new ClientNotFoundException();
        var settings = await CaseworkSettingsStore.ReadAsync(session, ct);
        if (!settings.Services.Contains(command.Service))
            throw new CaseworkRuleException($"This workspace does not run a {command.Service.Title()} service.");
        var worker = command.WorkerId is { } workerId ? await workers.FindAsync(access.WorkspaceId, workerId, ct) : null;
        return new CaseOpened(client.Id, client.Reference, command.Service, worker, command.ReferralId, command.OpenedOn, access.Member, clock.GetUtcNow());
    }
}
