namespace FeedWatch.Core.Feeds;

public sealed record FeedImage(string Url, string? Title, string? Link);
