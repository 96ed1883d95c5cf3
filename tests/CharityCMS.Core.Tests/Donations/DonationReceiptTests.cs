using CharityCMS.Donations;
using CharityCMS.Email;
using CharityCMS.TestSupport;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using static CharityCMS.TestSupport.StripeTestEvents;

namespace CharityCMS.Core.Tests.Donations;

/// <summary>Thank-you emails and Gift Aid confirmations, owed with the webhook's changes and sent once by the job, over real SMTP.</summary>
public class DonationReceiptTests : StripeDatabase
{
    private readonly TestSmtpServer smtp = new();

    protected override void ConfigureServices(IServiceCollection services) => services.Configure<SmtpOptions>(smtp.Configure);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await smtp.DisposeAsync();
    }

    private Task<int> SendReceiptsAsync() => Get<DonationReceipts>().SendDueAsync(Workspace.Id, default);

    [Fact]
    public async Task A_gift_with_gift_aid_gets_a_thank_you_and_a_written_declaration_once()
    {
        var declarant = new GiftAidDeclarant("Ms", "Dana", "Donor", "12", "Mill Lane, Northshire", "NS1 2AB");
        var checkout = await CheckoutAsync(2500, DonationKind.OneOff, declarant);
        await SendAsync("checkout.session.completed", CheckoutSession("cs_1", checkout, "payment", 2500, "cus_1", paymentIntent: "pi_1"));

        Assert.Equal(2, await SendReceiptsAsync());
        Assert.Equal(0, await SendReceiptsAsync());

        Assert.Equal(2, smtp.Messages.Count);
        Assert.All(smtp.Messages, m => Assert.Equal("dana@example.org", m.To.Mailboxes.Single().Address));
        var thanks = smtp.Messages.Single(m => m.Subject!.StartsWith("Thank you for your gift"));
        Assert.Contains("£25 to", thanks.TextBody);
        Assert.Contains("will claim Gift Aid", thanks.TextBody);
        Assert.Contains("pi_1", thanks.TextBody);
        var declaration = smtp.Messages.Single(m => m.Subject!.StartsWith("Your Gift Aid declaration"));
        Assert.Contains("12 Mill Lane, Northshire, NS1 2AB", declaration.TextBody);
        Assert.Contains("I am a UK taxpayer", declaration.TextBody);
        Assert.Contains("within 30 days", declaration.TextBody);
    }

    [Fact]
    public async Task A_donor_who_left_no_email_is_not_written_to_and_nothing_stays_owed()
    {
        var checkout = await CheckoutAsync(1000, DonationKind.OneOff, email: null);
        await SendAsync("checkout.session.completed", CheckoutSession("cs_1", checkout, "payment", 1000, "cus_1", paymentIntent: "pi_1"));

        Assert.Equal(0, await SendReceiptsAsync());

        Assert.Empty(smtp.Messages);
        await using var session = Store.QuerySession(Workspace.Id);
        Assert.Equal(0, await session.Query<ReceiptDue>().CountAsync(r => r.SentAt == null));
    }

    [Fact]
    public async Task A_months_payment_before_its_checkout_is_thanked_once_she_is_on_record()
    {
        var checkout = await CheckoutAsync(1000, DonationKind.Monthly);
        await SendAsync("invoice.paid", PaidInvoice("in_1", "cus_9", "sub_1", 1000, "pi_m1", Clock.GetUtcNow()));

        Assert.Equal(0, await SendReceiptsAsync());
        await SendAsync("checkout.session.completed", CheckoutSession("cs_9", checkout, "subscription", 1000, "cus_9", subscription: "sub_1"));
        Assert.Equal(1, await SendReceiptsAsync());

        Assert.Contains("monthly gift of £10", Assert.Single(smtp.Messages).TextBody);
    }
}
