using CharityCMS.Audit;
using CharityCMS.Workspaces;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.DataProtection;

namespace CharityCMS.Donations;

public enum StripeMode
{
    Test,
    Live,
}

/// <summary>
/// A workspace's own Stripe account: its secret API key and webhook signing secret, encrypted with
/// Data Protection (keys kept in PostgreSQL). Neither is ever shown again; an admin can replace both.
/// One per workspace, in the workspace's tenant.
/// </summary>
public sealed record StripeAccount(string Id, string ProtectedSecretKey, string ProtectedWebhookSecret, StripeMode Mode, DateTimeOffset ConnectedAt, string ConnectedBy)
{
    public const string DocumentId = "stripe";
}

/// <summary>What the settings and fundraising pages may know of the account: never the secrets.</summary>
public sealed record StripeConnection(StripeMode Mode, DateTimeOffset ConnectedAt, string ConnectedBy);

/// <summary>The decrypted secrets, for the Stripe calls and the webhook check only. Never logged or shown.</summary>
public sealed record StripeSecrets(string SecretKey, string WebhookSecret, StripeMode Mode);

public sealed record ConnectStripe(string SecretKey, string WebhookSecret);

public sealed class ConnectStripeValidator : AbstractValidator<ConnectStripe>
{
    public ConnectStripeValidator()
    {
        RuleFor(x => x.SecretKey).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter the secret key from the Stripe dashboard (Developers, API keys).")
            .Must(key => StripeAccounts.ModeOf(key) is not null)
            .WithMessage("That is not a Stripe secret key: it starts with sk_test_ or sk_live_ (or rk_ for a restricted key).")
            .MaximumLength(255).WithMessage("That is too long for a Stripe key.");
        RuleFor(x => x.WebhookSecret).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter the signing secret of the webhook endpoint (Developers, Webhooks).")
            .Must(secret => secret.Trim().StartsWith("whsec_", StringComparison.Ordinal) && secret.Trim().Length > 10)
            .WithMessage("That is not a webhook signing secret: it starts with whsec_.")
            .MaximumLength(255).WithMessage("That is too long for a signing secret.");
    }
}

/// <summary>Connects a workspace's Stripe account and reads its secrets back for the payment code.</summary>
public sealed class StripeAccounts(IDocumentStore store, IDataProtectionProvider protection, IValidator<ConnectStripe> validator, TimeProvider clock)
{
    // Changing the purpose would make every stored secret unreadable: never rename it.
    private readonly IDataProtector protector = protection.CreateProtector("CharityCMS.Donations.StripeAccount.v1");

    public static StripeMode? ModeOf(string? secretKey) => secretKey?.Trim() switch
    {
        { } key when key.StartsWith("sk_test_", StringComparison.Ordinal) || key.StartsWith("rk_test_", StringComparison.Ordinal) => StripeMode.Test,
        { } key when key.StartsWith("sk_live_", StringComparison.Ordinal) || key.StartsWith("rk_live_", StringComparison.Ordinal) => StripeMode.Live,
        _ => null,
    };

    public async Task<StripeConnection> ConnectAsync(WorkspaceAccess access, ConnectStripe command, CancellationToken ct)
    {
        access.Require(WorkspaceRole.WorkspaceAdmin, "connect the workspace's Stripe account");
        await validator.ValidateAndThrowAsync(command, ct);
        var (key, secret) = (command.SecretKey.Trim(), command.WebhookSecret.Trim());
        var account = new StripeAccount(StripeAccount.DocumentId, protector.Protect(key), protector.Protect(secret), ModeOf(key)!.Value,
            clock.GetUtcNow(), access.Member.Name);
        await using var session = store.LightweightSession(access.WorkspaceId);
        session.Store(account);
        session.Insert(AuditEntry.By(access.Member, access.WorkspaceId, AuditAction.StripeConnected, null, account.ConnectedAt,
            $"Stripe account connected in {account.Mode.ToString().ToLowerInvariant()} mode."));
        await session.SaveChangesAsync(ct);
        return new StripeConnection(account.Mode, account.ConnectedAt, account.ConnectedBy);
    }

    /// <summary>Whether the workspace has connected Stripe, and in which mode. Anyone who handles donations may know.</summary>
    public async Task<StripeConnection?> ConnectionAsync(WorkspaceAccess access, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.Fundraising, "see the workspace's Stripe connection");
        return await ConnectionAsync(access.WorkspaceId, ct);
    }

    /// <summary>For the public donation page, which has no signed-in member.</summary>
    public async Task<StripeConnection?> ConnectionAsync(string workspaceId, CancellationToken ct)
    {
        await using var session = store.QuerySession(workspaceId);
        return await session.LoadAsync<StripeAccount>(StripeAccount.DocumentId, ct) is { } account
            ? new StripeConnection(account.Mode, account.ConnectedAt, account.ConnectedBy)
            : null;
    }

    /// <summary>The workspace's secrets, or null when it has not connected Stripe.</summary>
    internal async Task<StripeSecrets?> SecretsAsync(string workspaceId, CancellationToken ct)
    {
        await using var session = store.QuerySession(workspaceId);
        return await session.LoadAsync<StripeAccount>(StripeAccount.DocumentId, ct) is { } account
            ? new StripeSecrets(protector.Unprotect(account.ProtectedSecretKey), protector.Unprotect(account.ProtectedWebhookSecret), account.Mode)
            : null;
    }
}
