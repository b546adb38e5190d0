namespace FeedWatch.Stories.Scoring;

/// <summary>
/// Retrieval order of candidates: more accumulated weight first, then the lower (older) slot. Slots are distinct, so
/// this is a total order and any correct sort gives the same sequence.
/// </summary>
internal static class CandidateOrder
{
    /// <summary>True when <paramref name="a"/> ranks below <paramref name="b"/>.</summary>
    public static bool Weaker((double Weight, int Slot) a, (double Weight, int Slot) b) =>
        a.Weight < b.Weight || (a.Weight == b.Weight && a.Slot > b.Slot);

    /// <summary>
    /// Strongest first, by insertion: the few dozen selected candidates sort in place with inline comparisons (the
    /// library sort took a comparison delegate, one call per comparison, and a struct comparer is boxed by it).
    /// </summary>
    public static void Sort(Span<(double Weight, int Slot)> candidates)
    {
        for (var i = 1; i < candidates.Length; i++)
        {
            var item = candidates[i];
            var j = i - 1;
            while (j >= 0 && Weaker(candidates[j], item))
            {
                candidates[j + 1] = candidates[j];
                j--;
            }

            candidates[j + 1] = item;
        }
    }
}
