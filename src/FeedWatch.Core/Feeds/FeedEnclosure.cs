namespace FeedWatch.Core.Feeds;

public sealed record FeedEnclosure(string Url, string? Type, long? Length);
