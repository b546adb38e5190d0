namespace FeedWatch.Core.Feeds.Opml;

/// <summary>
/// One outline element. A feed subscription carries <see cref="XmlUrl"/>; an outline without one but with children
/// is a folder (category). <see cref="Line"/> points error messages at the source.
/// </summary>
public sealed record OpmlOutline
{
    public string? Text { get; init; }
    public string? Title { get; init; }
    public string? Type { get; init; }
    public string? XmlUrl { get; init; }
    public string? HtmlUrl { get; init; }
    public string? Description { get; init; }

    /// <summary>OPML 2.0 category attribute: comma-separated, slash-delimited category strings ("/News/World,tag").</summary>
    public string? Category { get; init; }

    /// <summary>FeedWatch's own settings carried in the <see cref="OpmlNames.FeedWatchNamespace"/> namespace (id, pollInterval, adaptive).</summary>
    public string? FeedWatchId { get; init; }

    public string? PollInterval { get; init; }
    public bool? Adaptive { get; init; }

    /// <summary>1-based line of the element in the source; 0 when the outline was built in memory.</summary>
    public int Line { get; init; }

    public IReadOnlyList<OpmlOutline> Children { get; init; } = [];

    /// <summary>The human label: title, else text.</summary>
    public string? Label => string.IsNullOrWhiteSpace(Title) ? (string.IsNullOrWhiteSpace(Text) ? null : Text.Trim()) : Title.Trim();
}
