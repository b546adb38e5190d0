namespace FeedWatch.Stories.Fingerprints;

/// <summary>32-bit term ids keep vectors and postings small; collisions among a few million terms are rare and harmless.</summary>
internal static class TermIds
{
    public static uint Of(ulong hash) => (uint)(hash >> 32) | 1u;
}
