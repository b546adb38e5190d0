namespace FeedWatch.Core.Articles.Robots;

/// <summary>How article fetching treats robots.txt. Honoured by default.</summary>
public sealed record RobotsOptions
{
    public bool Enabled { get; init; } = true;

    /// <summary>The product token matched against robots.txt user-agent lines.</summary>
    public string ProductToken { get; init; } = "FeedWatch";

    /// <summary>RFC 9309 asks crawlers not to cache robots.txt for more than 24 hours.</summary>
    public TimeSpan CacheDuration { get; init; } = TimeSpan.FromHours(24);

    /// <summary>After a server error or network failure the site is treated as disallowed, then asked again this soon.</summary>
    public TimeSpan ErrorCacheDuration { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Origins remembered at most; the least recently fetched are dropped first.</summary>
    public int MaxCachedOrigins { get; init; } = 10_000;

    public long MaxBytes { get; init; } = RobotsTxtParser.MaxChars;
}
