using CharityCMS.Audit;
using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.Grants;
using CharityCMS.LinkedPeople;
using CharityCMS.Marac;
using CharityCMS.Notifications;
using CharityCMS.Referrals;
using CharityCMS.Reminders;
using CharityCMS.Settings;
using CharityCMS.Reporting;
using CharityCMS.Risk;
using CharityCMS.SignIn;
using CharityCMS.Workspaces;
using JasperFx;
using JasperFx.Events;
using JasperFx.MultiTenancy;
using Marten;
using Weasel.Core;

namespace CharityCMS.Storage;

/// <summary>
/// The one Marten configuration the app, the tests and the benchmark share. Each charity is a
/// tenant (conjoined: a tenant_id column on every tenanted table); every document is tenanted
/// unless its feature says it is platform-wide.
/// </summary>
public static class CharityStore
{
    public const string SchemaName = "cms";

    public static void Configure(StoreOptions options, string connectionString)
    {
        options.Connection(connectionString);
        options.DatabaseSchemaName = SchemaName;

        // The schema comes from the committed SQL in migrations/, applied at start; Marten never creates it.
        options.AutoCreateSchemaObjects = AutoCreate.None;

        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
        options.Policies.AllDocumentsAreMultiTenanted();
        options.Events.TenancyStyle = TenancyStyle.Conjoined;
        options.Events.StreamIdentity = StreamIdentity.AsGuid;
        // Needed by the async daemon with the DistributedLock shim (see docs/operations.md).
        options.Events.UseAdvisoryLockTransaction = true;
        options.Events.AddEventTypes(WorkspaceEvent.AllTypes);

        WorkspaceStorage.Register(options);
        ClientStorage.Register(options);
        CaseStorage.Register(options);
        LinkedPeopleStorage.Register(options);
        RiskStorage.Register(options);
        MaracStorage.Register(options);
        ReferralStorage.Register(options);
        options.Schema.For<CaseworkSettings>();
        options.Schema.For<FundingSettings>();
        GrantStorage.Register(options);
        Donations.DonationStorage.Register(options);
        NotificationStorage.Register(options);
        ReminderStorage.Register(options);
        AuditStorage.Register(options);
        ReportingStorage.Register(options);
        DataProtectionKeyStorage.Register(options);
        SignInStorage.Register(options);
    }
}
