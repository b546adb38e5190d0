namespace FeedWatch.Core.Stories.Scoring;

/// <summary>
/// Retrieval order of candidates: more accumulated weight first, then the lower (older) slot. A struct comparer, so
/// the sort is compiled for it and compares inline instead of through a delegate call per comparison.
/// </summary>
internal readonly struct CandidateOrder : IComparer<(double Weight, int Slot)>
{
    public int Compare((double Weight, int Slot) x, (double Weight, int Slot) y) =>
        Weaker(x, y) ? 1 : Weaker(y, x) ? -1 : 0;

    /// <summary>True when <paramref name="a"/> ranks below <paramref name="b"/>.</summary>
    public static bool Weaker((double Weight, int Slot) a, (double Weight, int Slot) b) =>
        a.Weight < b.Weight || (a.Weight == b.Weight && a.Slot > b.Slot);
}
