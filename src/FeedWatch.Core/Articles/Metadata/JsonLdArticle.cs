namespace FeedWatch.Core.Articles.Metadata;

/// <summary>The fields of a schema.org Article (or NewsArticle, BlogPosting …) found in the page's JSON-LD.</summary>
public sealed record JsonLdArticle
{
    public string? Headline { get; init; }
    public string? DatePublished { get; init; }
    public string? DateModified { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public string? PublisherName { get; init; }
    public string? Image { get; init; }
    public string? Description { get; init; }
    public string? Language { get; init; }
    public string? Url { get; init; }
    public string? ArticleBody { get; init; }

    /// <summary>schema.org isAccessibleForFree = false: the publisher itself says the page is paywalled.</summary>
    public bool NotAccessibleForFree { get; init; }
}
