namespace FeedWatch.Http;

/// <summary>Limits and identity of every outgoing fetch; bound from the "FeedWatch:Http" configuration section.</summary>
public sealed class HttpFetcherOptions
{
    public const string SectionName = "FeedWatch:Http";

    /// <summary>Sent on every request so site owners can see who polls them and how to reach us.</summary>
    public string UserAgent { get; set; } = "FeedWatch/1.0 (+https://github.com/feedwatch/feedwatch; news feed monitor)";

    /// <summary>The whole fetch (connect, redirects, body) must finish within this time.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest decompressed body accepted; larger bodies fail with <c>TooLarge</c>.</summary>
    public long MaxBodyBytes { get; set; } = 16 * 1024 * 1024;

    public int MaxRedirects { get; set; } = 5;

    /// <summary>
    /// Host name → IP address to dial instead of resolving DNS (the URL's Host header is kept).
    /// Entries are explicit operator configuration, so a mapped address is trusted even when it is private
    /// (the demo maps seed-a.example to 127.0.0.1 without opening every private address).
    /// </summary>
    public IReadOnlyDictionary<string, string> HostMap { get; set; } = new Dictionary<string, string>();

    /// <summary>When false (the default) loopback, private, link-local and multicast addresses are refused.</summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>At most this many requests run against one host at once (politeness).</summary>
    public int MaxConcurrentRequestsPerHost { get; set; } = 2;

    /// <summary>
    /// At most this many requests (redirect hops included) go to one host per <see cref="HostBudgetWindow"/>; more fail
    /// with <c>HostBudgetExhausted</c> (a transient error: the article is retried later). 0 turns the budget off.
    /// </summary>
    public int MaxRequestsPerHostPerWindow { get; set; } = 300;

    public TimeSpan HostBudgetWindow { get; set; } = TimeSpan.FromMinutes(5);
}
