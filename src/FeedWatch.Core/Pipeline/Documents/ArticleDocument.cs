namespace FeedWatch.Core.Pipeline.Documents;

/// <summary>articles/{yyyy}/{MM}/{dd}/{outlet}/{slug}-{shortid}.json: one stored article.</summary>
public sealed record ArticleDocument
{
    public int SchemaVersion { get; init; } = 1;
    public required string Id { get; init; }
    public required string Url { get; init; }
    public required string CanonicalUrl { get; init; }
    public string? FinalUrl { get; init; }
    public required string Outlet { get; init; }
    public string? FeedId { get; init; }
    public required string Title { get; init; }
    public DateTimeOffset? Published { get; init; }
    public required DateTimeOffset FetchedAt { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public string? Language { get; init; }
    public string? SiteName { get; init; }
    public string? Description { get; init; }
    public bool IsPartial { get; init; }

    /// <summary>Name of the gzip-compressed raw page beside this document; null for articles seeded from text.</summary>
    public string? RawPageBlob { get; init; }

    public required string Text { get; init; }

    /// <summary>Filled by the classify stage: the stories this article joined (or started).</summary>
    public IReadOnlyList<ArticleStoryLink> Stories { get; init; } = [];

    public DateTimeOffset? ClassifiedAt { get; init; }
}
