using JasperFx.Events.Projections;
using Marten;

namespace CharityCMS.Donations;

internal static class DonationStorage
{
    public static void Register(StoreOptions options)
    {
        options.Projections.Snapshot<Donation>(SnapshotLifecycle.Inline);
        options.Schema.For<Donation>().StartIndexesByTenantId().Duplicate(x => x.DonorId).Duplicate(x => x.ReceivedAt!);
        options.Projections.Snapshot<Donor>(SnapshotLifecycle.Inline);
        options.Schema.For<Donor>().StartIndexesByTenantId();
        options.Projections.Snapshot<RecurringGift>(SnapshotLifecycle.Inline);
        options.Schema.For<RecurringGift>().StartIndexesByTenantId().Duplicate(x => x.DonorId);
        options.Schema.For<DonationCheckout>().StartIndexesByTenantId();
        options.Schema.For<StripeEventRecord>().StartIndexesByTenantId();
        options.Schema.For<StripeAccount>().StartIndexesByTenantId();
        options.Schema.For<ReceiptDue>().StartIndexesByTenantId();
        options.Projections.Snapshot<GiftAid.GiftAidClaim>(SnapshotLifecycle.Inline);
        options.Schema.For<GiftAid.GiftAidClaim>().StartIndexesByTenantId().Duplicate(x => x.DraftedAt);
        options.Schema.For<GiftAid.ClaimedDonation>().StartIndexesByTenantId();
        options.Schema.For<GiftAid.GiftAidRepayment>().StartIndexesByTenantId();
        options.Schema.For<Campaign>().StartIndexesByTenantId();
        options.Schema.For<DonationSettings>().StartIndexesByTenantId();
    }
}
