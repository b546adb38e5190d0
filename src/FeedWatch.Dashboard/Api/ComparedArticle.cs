namespace FeedWatch.Dashboard.Api;

/// <summary>One side of a comparison: the article's sentences, each with the passage number it shares (or null).</summary>
public sealed record ComparedArticle(string Id, string Outlet, string Title, string Url, IReadOnlyList<ComparedSentence> Sentences);
