namespace FeedWatch.Core.Feeds.Opml;

public sealed record OpmlReaderOptions
{
    /// <summary>Larger input is refused before parsing: subscription lists are kilobytes, not megabytes.</summary>
    public long MaxBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Outline nesting beyond this is refused (a guard against pathological input, not a real-world limit).</summary>
    public int MaxDepth { get; init; } = 64;
}
