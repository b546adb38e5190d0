namespace FeedWatch.Core.Pipeline.Fetching;

/// <summary>
/// When the fetched page is not the whole article — a paywall stub that declares an AMP version, or an AMP
/// teaser whose canonical page is the full story — the alternate is fetched too (same guarded fetcher, same
/// limits, same robots rules) and the fuller text is kept (FeedWatch:ArticleAlternates).
/// </summary>
public sealed record ArticleAlternateOptions
{
    public bool Enabled { get; init; } = true;

    /// <summary>An AMP page with less body text than this (non-space characters) is treated as a possible teaser.</summary>
    public int ShortAmpTextLength { get; init; } = 1_000;

    /// <summary>The other page counts as fuller when its text is at least this many times longer.</summary>
    public double FullerTextRatio { get; init; } = 1.5;
}
