namespace FeedWatch.Core.Feeds.Discovery;

/// <summary>A feed found for a web page: where, what type it claims, its title, and how it was found.</summary>
public sealed record DiscoveredFeed(Uri Url, string? Type, string? Title, string Source);
