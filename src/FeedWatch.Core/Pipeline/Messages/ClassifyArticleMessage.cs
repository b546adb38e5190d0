using FeedWatch.Core.Telemetry;

namespace FeedWatch.Core.Pipeline.Messages;

/// <summary>Fetch-article → classify: the stored article document to match against stories. <see cref="TraceParent"/>: see <see cref="ITracedMessage"/>.</summary>
public sealed record ClassifyArticleMessage(string ArticleId, string ArticleBlobName, string? TraceParent = null) : ITracedMessage;
