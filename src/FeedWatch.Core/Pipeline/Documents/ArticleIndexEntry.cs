namespace FeedWatch.Core.Pipeline.Documents;

/// <summary>
/// index/articles/{id}.json: claims an article id for one blob name. Written create-only before the article itself,
/// so a re-fetched page (possibly with a different published date) can never be stored under a second name.
/// </summary>
public sealed record ArticleIndexEntry(string ArticleId, string BlobName, string Url, DateTimeOffset ClaimedAt);
