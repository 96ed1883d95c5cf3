using CharityCMS.Workspaces;
using FluentValidation;
using Marten;

namespace CharityCMS.Clients;

/// <summary>A caseworker or manager registers a new client; she gets the workspace's next reference.</summary>
public sealed record RegisterClient(
    ClientPersonalDetails Details,
    ClientContactDetails Contact,
    PostalAddress? Address,
    EqualityMonitoring? Monitoring = null) : IClientDetailsCommand;

/// <summary>Who she now is, and the version of her new record, which a first edit must match.</summary>
public sealed record ClientRegistration(Guid ClientId, string Reference, long Version = 1);

public sealed class RegisterClientValidator(TimeProvider clock) : ClientDetailsCommandValidator<RegisterClient>(clock);

public sealed class RegisterClientHandler(IDocumentStore store, IValidator<RegisterClient> validator, ClientReferences references, TimeProvider clock)
{
    public async Task<ClientRegistration> HandleAsync(WorkspaceAccess access, RegisterClient command, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.ClientRecords, "register clients");
        await validator.ValidateAndThrowAsync(command, ct);

        await using var session = store.LightweightSession(access.WorkspaceId);
        var reference = await references.NextAsync(session, ct);
        var clientId = Guid.CreateVersion7();
        var events = Client.Registering(command, reference, access.Member, clock.GetUtcNow());
        session.Events.StartStream<Client>(clientId, events);
        await session.SaveChangesAsync(ct);
        return new ClientRegistration(clientId, reference, events.Length);
    }
}
