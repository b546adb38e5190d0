namespace FeedWatch.Core.Articles.Robots;

/// <summary>
/// Whether a URL may be fetched, the crawl delay the site asks for, and why (for logs). <see cref="IsTemporary"/>
/// when the refusal comes from robots.txt being unavailable (server error, network), not from its rules: ask again later.
/// </summary>
public sealed record RobotsDecision(bool Allowed, TimeSpan? CrawlDelay, string Reason, bool IsTemporary = false);
