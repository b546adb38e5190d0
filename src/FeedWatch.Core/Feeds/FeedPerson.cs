namespace FeedWatch.Core.Feeds;

public sealed record FeedPerson(string? Name, string? Email, string? Uri);
