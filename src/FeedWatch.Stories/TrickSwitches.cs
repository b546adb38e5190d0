namespace FeedWatch.Stories;

/// <summary>
/// In-process A/B switches of the engine's low-level tricks (`feedwatch eval speed --ab NAME`): each is on by default;
/// off runs the plain equivalent. Matching results are identical either way.
/// </summary>
internal static class TrickSwitches
{
    /// <summary>Cache-line pre-reads of the candidates' records, centroids and sketches, LSH buckets and posting heads.</summary>
    internal static bool Touch { get; set; } = true;
}
