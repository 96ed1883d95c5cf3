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
        var caseId = Guid.CreateVersion7();
        session.Events.StartStream<Case>(caseId, await DecideAsync(session, access, command, ct));
        await session.SaveChangesAsync(ct);
        return caseId;
    }

    /// <summary>The event that opens the case, for this handler and for triage, which opens a case in its own session.</summary>
    public async Task<CaseOpened> DecideAsync(IDocumentSession session, WorkspaceAccess access, OpenCase command, CancellationToken ct)
    {
        var client = await session.LoadAsync<Client>(command.ClientId, ct) ?? throw new ClientNotFoundException();
        var reach = await guard.RequireReachAsync(session, access, client.Id, ct);
        return await DecideAsync(session, access, reach, client.Reference, command, ct);
    }

    /// <summary>
    /// The event that opens the first case of a client registered in the same session (triage into a
    /// new client): she is not saved yet, and the member registering her reaches her as her registrar.
    /// </summary>
    public Task<CaseOpened> DecideForNewClientAsync(IDocumentSession session, WorkspaceAccess access, string reference, OpenCase command, CancellationToken ct) =>
        DecideAsync(session, access, access.Has(WorkspaceRole.Manager) ? ClientReach.Manager : ClientReach.Caseload, reference, command, ct);

    private async Task<CaseOpened> DecideAsync(IDocumentSession session, WorkspaceAccess access, ClientReach reach, string reference, OpenCase command, CancellationToken ct)
    {
        var settings = await CaseworkSettingsStore.ReadAsync(session, ct);
        if (!settings.Services.Contains(command.Service))
            throw new CaseworkRuleException($"This workspace does not run a {command.Service.Title()} service.");
        var worker = command.WorkerId is { } workerId ? await AllocatableAsync(access, reach, workerId, ct) : null;
        return new CaseOpened(command.ClientId, reference, command.Service, worker, command.ReferralId, command.OpenedOn, access.Member, clock.GetUtcNow());
    }

    /// <summary>Allocation decides who reaches the client from now on, so only a manager gives a new case to someone else.</summary>
    private async Task<StaffMember> AllocatableAsync(WorkspaceAccess access, ClientReach reach, Guid workerId, CancellationToken ct)
    {
        // Reach by break-glass is for a few hours: a case allocated on the strength of it would make it permanent.
        if (reach == ClientReach.BreakGlass)
            throw new CaseworkRuleException("This client is not on your caseload: open the case without a worker, and a manager will allocate it.");
        if (reach != ClientReach.Manager && workerId != access.Member.Id)
            throw new CaseworkRuleException("Only a manager can allocate a case to someone else: allocate it to yourself, or leave it for a manager to allocate.");
        return await workers.FindAsync(access.WorkspaceId, workerId, ct);
    }
}
