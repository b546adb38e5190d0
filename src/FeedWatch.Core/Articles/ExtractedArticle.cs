namespace FeedWatch.Core.Articles;

/// <summary>What the extractor found on a page. <see cref="Text"/> separates paragraphs with a blank line.</summary>
public sealed record ExtractedArticle
{
    public string? Title { get; init; }
    public string Text { get; init; } = "";
    public DateTimeOffset? Published { get; init; }
    public DateTimeOffset? Modified { get; init; }
    public string? CanonicalUrl { get; init; }
    public string? SiteName { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public string? Language { get; init; }
    public string? Description { get; init; }
    public string? Image { get; init; }

    /// <summary>A paywall stub, an AMP teaser or a capped page: the text is not the whole article.</summary>
    public bool IsPartial { get; init; }

    /// <summary>The page's AMP version (link rel=amphtml), if it declares one: a fuller alternate for some paywall stubs.</summary>
    public string? AmpUrl { get; init; }

    /// <summary>The page is itself an AMP page (html amp / ⚡); its canonical URL is then the full article.</summary>
    public bool IsAmpPage { get; init; }
}
