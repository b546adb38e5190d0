namespace FeedWatch.Dashboard.Security;

/// <summary>How the dashboard protects itself; bound from the "FeedWatch:Dashboard" configuration section.</summary>
public sealed class DashboardSecurityOptions
{
    public const string SectionName = "FeedWatch:Dashboard";

    /// <summary>The loopback names every dashboard answers to.</summary>
    public static readonly IReadOnlyList<string> LoopbackHosts = ["localhost", "127.0.0.1", "::1"];

    /// <summary>
    /// Host names (or addresses) the dashboard answers to besides the loopback names. A request for any other Host gets
    /// 400, which stops DNS rebinding: a foreign page that resolves its own name to 127.0.0.1 still sends its own Host.
    /// </summary>
    public IList<string> AllowedHosts { get; set; } = [];

    /// <summary>
    /// The access token. When set (and always when the dashboard listens on a non-loopback address: `feedwatch serve`
    /// then generates one if none is configured) every request needs it: `Authorization: Bearer TOKEN`, or open
    /// `/?token=TOKEN` once and the browser keeps it in a same-site, HTTP-only cookie.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>The largest request body accepted (larger: 413).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>State-changing requests (POST, PUT, PATCH, DELETE) allowed per client address per minute (more: 429).</summary>
    public int WritesPerMinute { get; set; } = 30;
}
