namespace FeedWatch.Core.Pipeline.Fetching.Politeness;

/// <summary>
/// How the fetch-article stage spaces requests to one host (FeedWatch:CrawlDelay). A host's robots.txt
/// Crawl-delay is honoured, capped at <see cref="MaxCrawlDelay"/> (a site asking for an hour between requests
/// would otherwise stall its stories). A message that comes too soon is not slept on: it is put back on the queue,
/// invisible until its turn, at most <see cref="MaxDeferral"/> ahead.
/// </summary>
public sealed record CrawlDelayOptions
{
    public bool Enabled { get; init; } = true;

    /// <summary>The longest Crawl-delay honoured.</summary>
    public TimeSpan MaxCrawlDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Spacing for hosts whose robots.txt names no Crawl-delay (zero: none).</summary>
    public TimeSpan DefaultHostInterval { get; init; } = TimeSpan.Zero;

    /// <summary>The longest a message is deferred at once; a host with a longer backlog is asked again then.</summary>
    public TimeSpan MaxDeferral { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Hosts remembered at most; those whose next slot has passed are forgotten first.</summary>
    public int MaxTrackedHosts { get; init; } = 50_000;
}
