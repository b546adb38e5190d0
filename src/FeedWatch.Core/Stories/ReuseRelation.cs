namespace FeedWatch.Core.Stories;

/// <summary>How an article relates to the earlier coverage of its story.</summary>
public enum ReuseRelation
{
    /// <summary>Near-verbatim copy (syndicated reprint).</summary>
    Copy,

    /// <summary>Substantial reuse of the wording, edited.</summary>
    Rewrite,

    /// <summary>Synonym-substituted reuse: sentence skeletons survive, content words swapped.</summary>
    Spun,

    /// <summary>Same story in the outlet's own words.</summary>
    Independent,
}
