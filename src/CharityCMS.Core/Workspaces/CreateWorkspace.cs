using CharityCMS.Audit;
using FluentValidation;
using Marten;
using JasperFx;

namespace CharityCMS.Workspaces;

/// <summary>An operator creates a charity's workspace and invites its first admin.</summary>
public sealed record CreateWorkspace(string Name, string Slug, string ClientReferencePrefix, string FirstAdminEmail, string FirstAdminName);

public sealed class CreateWorkspaceValidator : AbstractValidator<CreateWorkspace>
{
    public CreateWorkspaceValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Enter the charity's name.")
            .MaximumLength(120).WithMessage("The name can be at most 120 characters.");
        RuleFor(x => x.Slug).NotEmpty().WithMessage("Enter a short web name, such as riverside.")
            .Length(3, 40).WithMessage("The web name must be 3 to 40 characters.")
            .Matches("^[a-z0-9]+(-[a-z0-9]+)*$").WithMessage("Use lower-case letters, digits and single hyphens only.");
        RuleFor(x => x.ClientReferencePrefix).NotEmpty().WithMessage("Enter a client reference prefix, such as RWA.")
            .Matches("^[A-Z]{2,5}$").WithMessage("The prefix must be 2 to 5 capital letters.");
        RuleFor(x => x.FirstAdminEmail).MemberEmail();
        RuleFor(x => x.FirstAdminName).MemberName();
    }
}

public sealed class CreateWorkspaceHandler(IDocumentStore store, IValidator<CreateWorkspace> validator, TimeProvider clock)
{
    public async Task<Workspace> HandleAsync(PlatformOperator by, CreateWorkspace command, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(command, ct);
        var now = clock.GetUtcNow();
        var workspace = new Workspace(command.Slug, command.Name.Trim(), command.ClientReferencePrefix, now, by.Name);
        var admin = new Member(Guid.NewGuid(), workspace.Id, Member.NormaliseEmail(command.FirstAdminEmail), command.FirstAdminName.Trim(),
            [WorkspaceRole.WorkspaceAdmin], now, by.Name);

        await using var session = store.LightweightSession(workspace.Id);
        session.Insert(workspace);
        session.Insert(admin);
        session.Insert(new AuditEntry(Guid.NewGuid(), workspace.Id, AuditAction.WorkspaceCreated, null, null, by.Name, now));
        session.Insert(new AuditEntry(Guid.NewGuid(), workspace.Id, AuditAction.MemberInvited, admin.Id, null, by.Name, now, "Workspace admin"));
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (DocumentAlreadyExistsException)
        {
            throw new ValidationException([new(nameof(CreateWorkspace.Slug), "That web name is already taken.")]);
        }
        return workspace;
    }
}
