using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using CharityCMS.Email;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpServerHost = SmtpServer.SmtpServer;

namespace CharityCMS.TestSupport;

/// <summary>
/// A real SMTP server in this process on a free loopback port, which requires signing in and keeps
/// every message it accepts. The app's MailKit code talks to it as to a production server.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    public const string UserName = "digest-sender";
    public const string Password = "test-only-password";

    private readonly CancellationTokenSource stop = new();
    private readonly Task running;
    private readonly ConcurrentQueue<MimeMessage> received = new();

    public TestSmtpServer()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("smtp.test")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).AuthenticationRequired().AllowUnsecureAuthentication())
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(received));
        services.Add(new Credentials());
        running = new SmtpServerHost(options, services).StartAsync(stop.Token);
    }

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Messages => received.ToList();

    /// <summary>Settings that point the app's mailer at this server.</summary>
    public void Configure(SmtpOptions smtp)
    {
        smtp.Host = "127.0.0.1";
        smtp.Port = Port;
        smtp.Security = SmtpSecurity.None;
        smtp.UserName = UserName;
        smtp.Password = Password;
        smtp.From = "CharityCMS reminders <reminders@charitycms.test>";
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
            // Stopping is what was asked for.
        }
        stop.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken ct)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, ct));
            return SmtpResponse.Ok;
        }
    }

    private sealed class Credentials : UserAuthenticator
    {
        public override Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken ct) =>
            Task.FromResult(user == UserName && password == Password);
    }
}
