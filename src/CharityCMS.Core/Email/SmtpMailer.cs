using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CharityCMS.Email;

/// <summary>Sends email through the configured SMTP server with MailKit.</summary>
public sealed class SmtpMailer(IOptions<SmtpOptions> options)
{
    public bool IsConfigured => options.Value.IsConfigured;

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var smtp = options.Value;
        if (!smtp.IsConfigured) throw new InvalidOperationException("SMTP is not configured (Smtp:Host and Smtp:From).");

        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security switch
        {
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.None => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        }, ct);
        if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password, ct);
        if (message.From.Count == 0) message.From.Add(MailboxAddress.Parse(smtp.From));
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
