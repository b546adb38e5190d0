namespace FeedWatch.Stories.Relations;

/// <summary>Where copy, rewrite and spun begin (document-level word 3-gram overlap and sentence-level shares).</summary>
public sealed record RelationThresholds
{
    /// <summary>Word 3-gram overlap (of the smaller text) from which reuse is a near-verbatim copy.</summary>
    public double Copy { get; init; } = 0.7;

    /// <summary>Word 3-gram overlap from which the wording is reused at all.</summary>
    public double Rewrite { get; init; } = 0.1;

    /// <summary>Share of the new text's words in aligned sentences from which sentence-level reuse is judged.</summary>
    public double Aligned { get; init; } = 0.2;

    /// <summary>
    /// Share of the new text's words in aligned sentences from which it is a rewrite even with little exact wording
    /// (heavy paraphrase keeps sentence-by-sentence correspondence; independent writing on one topic reaches about 0.3).
    /// </summary>
    public double RewriteAligned { get; init; } = 0.4;

    /// <summary>Share of aligned words in verbatim sentences from which the reuse is a copy (of part of the source).</summary>
    public double VerbatimShare { get; init; } = 0.5;

    /// <summary>Share of aligned words in substituted sentences from which the reuse is spun.</summary>
    public double SubstitutedShare { get; init; } = 0.3;

    /// <summary>Skeleton overlap from which a text is spun when its word overlap is much lower.</summary>
    public double SpunSkeleton { get; init; } = 0.45;

    /// <summary>How far word overlap must trail skeleton overlap to call it spun rather than rewritten.</summary>
    public double SpunGap { get; init; } = 0.2;
}
