namespace FeedWatch.Core.Pipeline.Messages;

/// <summary>Poll-feed → fetch-article: a new (or updated) feed item whose page should be fetched and stored.</summary>
public sealed record FetchArticleMessage(
    string FeedId,
    string Url,
    string? ItemId,
    string? Title,
    string? Summary,
    DateTimeOffset? Published,
    bool IsUpdate = false);
