namespace FeedWatch.Stories.Fingerprints;

/// <summary>
/// A sparse term vector sorted by term id. Weights are IDF-free (tf and kind boosts only): IDF is applied when two
/// vectors are compared, so vectors built early (when document frequencies were still thin) are never stale.
/// </summary>
internal sealed class TopicVector(uint[] terms, float[] weights, TermKind[] kinds)
{
    public static TopicVector Empty { get; } = new([], [], []);

    public uint[] Terms { get; } = terms;

    public float[] Weights { get; } = weights;

    public TermKind[] Kinds { get; } = kinds;

    public int Count => Terms.Length;

    public int IndexOf(uint term) => Array.BinarySearch(Terms, term);
}
