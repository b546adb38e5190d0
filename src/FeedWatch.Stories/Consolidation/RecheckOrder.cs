namespace FeedWatch.Stories.Consolidation;

/// <summary>Re-checks in due order, then by story id (ordinal): deterministic whatever order stories were loaded in.</summary>
internal sealed class RecheckOrder : IComparer<(long Due, string StoryId)>
{
    public static RecheckOrder Instance { get; } = new();

    public int Compare((long Due, string StoryId) x, (long Due, string StoryId) y) =>
        x.Due != y.Due ? x.Due.CompareTo(y.Due) : string.CompareOrdinal(x.StoryId, y.StoryId);
}
