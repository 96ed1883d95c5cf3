using CharityCMS.Workspaces;
using FluentValidation;
using Marten;

namespace CharityCMS.Clients;

/// <summary>A caseworker or manager registers a new client; she gets the workspace's next reference.</summary>
public sealed record RegisterClient(ClientPersonalDetails Details, ClientContactDetails Contact, PostalAddress? Address) : IClientDetailsCommand;

public sealed record ClientRegistration(Guid ClientId, string Reference);

public sealed class RegisterClientValidator(TimeProvider clock) : ClientDetailsCommandValidator<RegisterClient>(clock);

public sealed class RegisterClientHandler(IDocumentStore store, IValidator<RegisterClient> validator, ClientReferences references, TimeProvider clock)
{
    public async Task<ClientRegistration> HandleAsync(WorkspaceAccess access, RegisterClient command, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "register clients");
        await validator.ValidateAndThrowAsync(command, ct);

        await using var session = store.LightweightSession(access.WorkspaceId);
        var reference = await references.NextAsync(session, ct);
        var registered = Client.Register(command, reference, access.Member, clock.GetUtcNow());
        var clientId = Guid.CreateVersion7();
        session.Events.StartStream<Client>(clientId, registered);
        await session.SaveChangesAsync(ct);
        return new ClientRegistration(clientId, reference);
    }
}
