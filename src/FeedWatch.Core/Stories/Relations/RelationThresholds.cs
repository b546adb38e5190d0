namespace FeedWatch.Core.Stories.Relations;

/// <summary>Where copy, rewrite and spun begin, on word 3-gram overlap and skeleton overlap.</summary>
public sealed record RelationThresholds
{
    /// <summary>Word 3-gram overlap from which reuse is a near-verbatim copy.</summary>
    public double Copy { get; init; } = 0.7;

    /// <summary>Word 3-gram overlap from which the wording is substantially reused.</summary>
    public double Rewrite { get; init; } = 0.2;

    /// <summary>Skeleton overlap from which a text is spun when its word overlap is much lower.</summary>
    public double SpunSkeleton { get; init; } = 0.45;

    /// <summary>How far word overlap must trail skeleton overlap to call it spun rather than rewritten.</summary>
    public double SpunGap { get; init; } = 0.2;
}
