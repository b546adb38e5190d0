namespace FeedWatch.Core.Articles;

/// <summary>
/// The few content-selection constants that are worth tuning, in one place so that `eval extraction` can
/// cross-validate them (choose on half of the sites, score on the other half). The defaults are the product's one
/// configuration, used for every site.
/// </summary>
public sealed record ExtractorTuning
{
    /// <summary>A sibling container joins the article when it scores at least this share of the winner's score.</summary>
    public double SiblingShare { get; init; } = 0.2;

    /// <summary>Blocks with a larger share of link text are not body text (related lists, "read more" lines).</summary>
    public double MaxBlockLinkDensity { get; init; } = 0.5;

    /// <summary>
    /// When the first pass yields fewer non-space characters than this, a relaxed second pass runs (no class-name
    /// removals, landmarks kept when they hold the prose, hidden attributes ignored) and wins if it finds at least twice as much text.
    /// </summary>
    public int FallbackBelowChars { get; init; } = 500;

    /// <summary>Sibling parts built from the winner's template (same tag and class) join it when their link density is below this.</summary>
    public double MaxTemplateLinkDensity { get; init; } = 0.25;

    public string Name => FormattableString.Invariant($"sibling={SiblingShare:0.##} links={MaxBlockLinkDensity:0.##} fallback<{FallbackBelowChars}");

    /// <summary>The grid `eval extraction` cross-validates over; the defaults are one of its points.</summary>
    public static IReadOnlyList<ExtractorTuning> Grid { get; } =
    [
        .. from sibling in new[] { 0.1, 0.2, 0.3 }
           from fallback in new[] { 200, 500, 1500 }
           select new ExtractorTuning { SiblingShare = sibling, FallbackBelowChars = fallback },
    ];
}
