namespace CharityCMS.Web.Access;

public sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>How often an open browser tab re-checks its membership. A removed member loses access within this time.</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a sign-in cookie lasts without a request.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// An open page with no typing, clicking or scrolling for this long signs out, so a record left
    /// on screen on a shared computer does not stay there.
    /// </summary>
    public TimeSpan IdleSignOutAfter { get; set; } = TimeSpan.FromMinutes(20);
}
