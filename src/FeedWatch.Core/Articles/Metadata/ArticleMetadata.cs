namespace FeedWatch.Core.Articles.Metadata;

/// <summary>Everything about the page that is not its body text.</summary>
public sealed record ArticleMetadata
{
    public string? Title { get; init; }

    /// <summary>Every form of the headline seen (og:title, &lt;title&gt;, JSON-LD, h1): blocks equal to one are not body text.</summary>
    public IReadOnlyList<string> TitleVariants { get; init; } = [];

    public string? CanonicalUrl { get; init; }
    public string? AmpUrl { get; init; }
    public bool IsAmpPage { get; init; }
    public string? SiteName { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public DateTimeOffset? Published { get; init; }
    public DateTimeOffset? Modified { get; init; }
    public string? Language { get; init; }
    public string? Description { get; init; }
    public string? Image { get; init; }
    public JsonLdArticle? JsonLd { get; init; }
}
