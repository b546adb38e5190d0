namespace FeedWatch.Core.Pipeline.Fetching;

/// <summary>Where an article is stored; <see cref="Created"/> is false when it was stored before.</summary>
public sealed record StoredArticle(string ArticleId, string BlobName, bool Created);
