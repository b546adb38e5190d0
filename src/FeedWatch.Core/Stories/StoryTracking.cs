namespace FeedWatch.Core.Stories;

/// <summary>Why a story is followed.</summary>
public enum StoryTracking
{
    /// <summary>Discovered automatically (every article joins or starts a story).</summary>
    Discovered,

    /// <summary>Started from a seed article a user gave (URL or text).</summary>
    Seed,

    /// <summary>Started from a user's query; once matched it follows by similarity.</summary>
    Query,

    /// <summary>Discovered, then promoted to tracked by a promotion rule (N outlets within T hours).</summary>
    Promoted,
}
