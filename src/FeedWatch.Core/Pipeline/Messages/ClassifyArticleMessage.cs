namespace FeedWatch.Core.Pipeline.Messages;

/// <summary>Fetch-article → classify: the stored article document to match against stories.</summary>
public sealed record ClassifyArticleMessage(string ArticleId, string ArticleBlobName);
