namespace CharityCMS.Email;

/// <summary>How the TLS of the SMTP connection is set up. Names match the settings file.</summary>
public enum SmtpSecurity
{
    /// <summary>Upgrade with STARTTLS and refuse a server that cannot (port 587).</summary>
    StartTls,
    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
    /// <summary>Plain text. Only for a relay on the same host or a test server.</summary>
    None,
}

/// <summary>The SMTP server that sends the reminder digest. With no <see cref="Host"/>, no email is sent.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>The account to sign in with; empty for a relay that takes mail without signing in.</summary>
    public string UserName { get; set; } = "";

    /// <summary>A secret: set it through the environment or a secret store, never in a file in the repository.</summary>
    public string Password { get; set; } = "";

    /// <summary>The sender, as "Name &lt;address&gt;" or a bare address.</summary>
    public string From { get; set; } = "";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}

/// <summary>Where the app is reached, for links in emails (which are read outside the app).</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>The address staff open the app at, for example https://cms.example.org.</summary>
    public string BaseUrl { get; set; } = "";

    public string Link(string path) => $"{BaseUrl.TrimEnd('/')}/{path.TrimStart('/')}";
}
