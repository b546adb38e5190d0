namespace FeedWatch.Core.Feeds.Rss;

public sealed record RssEnclosure(string Url, string? Type, string? Length);
