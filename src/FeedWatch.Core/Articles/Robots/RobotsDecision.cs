namespace FeedWatch.Core.Articles.Robots;

/// <summary>Whether a URL may be fetched, the crawl delay the site asks for, and why (for logs).</summary>
public sealed record RobotsDecision(bool Allowed, TimeSpan? CrawlDelay, string Reason);
