namespace FeedWatch.Core.Articles;

/// <summary>Limits that keep one hostile or enormous page from costing more than any normal article.</summary>
public sealed record ArticleExtractorOptions
{
    /// <summary>Bytes beyond this are not decoded; the result is then marked partial.</summary>
    public int MaxBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Elements nested deeper than this are skipped by every tree walk (no stack exhaustion).</summary>
    public int MaxDepth { get; init; } = 200;

    /// <summary>Elements examined at most; the rest of a pathological page is ignored and the result marked partial.</summary>
    public int MaxElements { get; init; } = 60_000;

    /// <summary>Content-selection constants (the defaults everywhere; `eval extraction` cross-validates alternatives).</summary>
    public ExtractorTuning Tuning { get; init; } = new();
}
