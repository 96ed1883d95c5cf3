namespace CharityCMS.Web.Access;

public sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>How often an open browser tab re-checks its membership. A removed member loses access within this time.</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a sign-in lasts without activity.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);
}
