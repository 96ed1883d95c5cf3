using CharityCMS.Audit;
using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.Demo;
using CharityCMS.Donations;
using CharityCMS.Email;
using CharityCMS.Grants;
using CharityCMS.LinkedPeople;
using CharityCMS.Marac;
using CharityCMS.Notifications;
using CharityCMS.Referrals;
using CharityCMS.Reminders;
using CharityCMS.Reporting;
using CharityCMS.Risk;
using CharityCMS.Settings;
using CharityCMS.SignIn;
using CharityCMS.Storage;
using CharityCMS.Workspaces;
using FluentValidation;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CharityCMS;

public static class CharityDomain
{
    /// <summary>The store, every command handler and query, and the validators, as the host and the tests use them.</summary>
    public static IServiceCollection AddCharityDomain(this IServiceCollection services, string connectionString)
    {
        services.AddMarten(options => CharityStore.Configure(options, connectionString)).UseLightweightSessions();
        services.AddSingleton(new SchemaMigrations(connectionString));
        services.AddValidatorsFromAssemblyContaining<RegisterClientValidator>(ServiceLifetime.Singleton, includeInternalTypes: false);
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<MemberDirectory>();
        services.AddSingleton<SignInSessions>();
        services.AddSingleton<CreateWorkspaceHandler>();
        services.AddSingleton<InviteMemberHandler>();
        services.AddSingleton<ChangeMemberRolesHandler>();
        services.AddSingleton<RemoveMemberHandler>();
        services.AddSingleton<PlatformWorkspaces>();

        services.AddSingleton<ClientReferences>();
        services.AddSingleton<RegisterClientHandler>();
        services.AddSingleton<ChangeClientDetailsHandler>();
        services.AddSingleton<FindClientsHandler>();
        services.AddSingleton<ClientRecords>();

        services.AddSingleton<CaseworkSettingsStore>();
        services.AddSingleton<NotificationInbox>();
        services.AddSingleton<CaseWorkers>();
        services.AddSingleton<CaseloadGuard>();
        services.AddSingleton<OpenCaseHandler>();
        services.AddSingleton<CaseStreams>();
        services.AddSingleton<CaseQueries>();
        services.AddSingleton<Caseloads>();
        services.AddSingleton<PeopleOnFileHandler>();
        services.AddSingleton<AllocateCaseHandler>();
        services.AddSingleton<CloseCaseHandler>();
        services.AddSingleton<ContactLogHandler>();
        services.AddSingleton<RecordIncidentHandler>();
        services.AddSingleton<OnwardReferralsHandler>();
        services.AddSingleton<CaseDetailsHandler>();
        services.AddSingleton<SafetyPlanHandler>();

        // Reminders: each source of something due is an IDueItemQuery.
        services.AddSingleton<IDueItemQuery, SafetyPlanReviewsDue>();
        services.AddSingleton<IDueItemQuery, HighRiskWithoutContact>();
        services.AddSingleton<IDueItemQuery, ReassessmentsDueReminders>();
        services.AddSingleton<IDueItemQuery, MaracActionsDueReminders>();
        services.AddSingleton<ReminderRun>();
        services.AddSingleton<ReminderDigest>();
        services.AddSingleton<DailyReminders>();
        services.AddSingleton<SmtpMailer>();
        services.AddOptions<SmtpOptions>();
        services.AddOptions<AppOptions>();
        services.AddOptions<ReminderOptions>();

        services.AddSingleton<StripeAccounts>();
        services.AddSingleton<StripeGateway>();
        services.AddSingleton<StripeWebhooks>();
        services.AddSingleton<DonorRecords>();
        services.AddSingleton<DonationReceipts>();
        services.AddSingleton<FundraisingDashboard>();
        services.AddSingleton<Campaigns>();
        services.AddSingleton<DonationSettingsStore>();
        services.AddSingleton<DonationCheckouts>();
        services.AddOptions<StripeOptions>();
        services.AddSingleton<Donations.GiftAid.GiftAidClaims>();
        services.AddSingleton<Donations.GiftAid.RecordDonorBenefitHandler>();

        services.AddSingleton<StartRiskAssessmentHandler>();
        services.AddSingleton<SaveRiskDraftHandler>();
        services.AddSingleton<CompleteRiskAssessmentHandler>();
        services.AddSingleton<ClientRisk>();
        services.AddSingleton<MakeMaracReferralHandler>();
        services.AddSingleton<AgreeMaracActionHandler>();
        services.AddSingleton<CompleteMaracActionHandler>();
        services.AddSingleton<ChangeMaracMeetingDateHandler>();
        services.AddSingleton<RecordMaracOutcomeHandler>();
        services.AddSingleton<MaracBoard>();

        services.AddSingleton<ReceiveReferralHandler>();
        services.AddSingleton<SubmitSelfReferralHandler>();
        services.AddSingleton<TriageReferralHandler>();
        services.AddSingleton<LogFirstContactAttemptHandler>();
        services.AddSingleton<ConfirmConsentToContactHandler>();
        services.AddSingleton<ReferralQueue>();
        services.AddSingleton<ReferralDuplicates>();

        services.AddSingleton<Funders>();
        services.AddSingleton<GrantReminders>();
        services.AddSingleton<FundingSettingsStore>();
        services.AddSingleton<GrantStreams>();
        services.AddSingleton<GrantTermsHandler>();
        services.AddSingleton<GrantPlanning>();
        services.AddSingleton<GrantQueries>();
        services.AddSingleton<GrantDocuments>();
        services.AddSingleton<FundingDashboard>();
        services.AddSingleton<GrantFunding>();
        services.AddSingleton<Grants.Returns.FunderReturns>();
        services.AddSingleton<Grants.Returns.ReturnTemplates>();

        services.AddSingleton<AuditTrail>();
        services.AddSingleton<CountClientsPerWorkspace>();
        services.AddSingleton<DemoRisk>();
        services.AddSingleton<DemoGrants>();
        services.AddSingleton<DemoDonations>();
        services.AddSingleton<DemoSeed>();
        return services;
    }
}
