using FeedWatch.Core.Stories.Fingerprints;

namespace FeedWatch.Core.Stories.Index;

/// <summary>
/// Online document frequencies in fixed memory: a two-row count-min sketch, so the vocabulary of millions of articles
/// never grows the engine. Over-estimates only, i.e. a rare term may look slightly less rare. Plain (not conservative)
/// update so that <see cref="Forget"/> can take an observation back exactly: the story engine counts the terms of the
/// active stories' centroids, a function of the persisted profiles alone (a restarted engine sees the same figures).
/// </summary>
public sealed class DocumentFrequencies
{
    private const int RowBits = 20;
    private const int RowMask = (1 << RowBits) - 1;
    private readonly int[] _row0 = new int[1 << RowBits];
    private readonly int[] _row1 = new int[1 << RowBits];

    public long Documents { get; private set; }

    /// <summary>Changes whenever any count changes, so a reader can tell whether figures it read earlier still hold.</summary>
    public long Version { get; private set; }

    public void Observe(ReadOnlySpan<uint> distinctTerms)
    {
        Documents++;
        Version++;
        foreach (var t in distinctTerms)
        {
            var (a, b) = Slots(t);
            _row0[a]++;
            _row1[b]++;
        }
    }

    /// <summary>Takes back an earlier <see cref="Observe"/> of the same terms (a story's centroid changed or it left the index).</summary>
    public void Forget(ReadOnlySpan<uint> distinctTerms)
    {
        Documents--;
        Version++;
        foreach (var t in distinctTerms)
        {
            var (a, b) = Slots(t);
            _row0[a]--;
            _row1[b]--;
        }
    }

    public int Frequency(uint term)
    {
        var (a, b) = Slots(term);
        return Math.Min(_row0[a], _row1[b]);
    }

    /// <summary>
    /// Pseudo-documents in which no term occurs. Without them, a term seen once in the first handful of articles would
    /// look common, and the second article of a story would prefer exactly the terms it does NOT share.
    /// </summary>
    public const double PriorDocuments = 50;

    /// <summary>Smoothed inverse document frequency.</summary>
    public float Idf(uint term) => IdfOf(Frequency(term));

    /// <summary>Smoothed inverse document frequency of a term with the given <see cref="Frequency"/>.</summary>
    public float IdfOf(int frequency) => (float)Math.Log((Documents + PriorDocuments) / (frequency + 1.0));

    public static long MemoryBytes => 2L * (1 << RowBits) * sizeof(int);

    private static (int A, int B) Slots(uint term)
    {
        var mixed = Text.StableHash.Mix(term);
        return ((int)(mixed & RowMask), (int)((mixed >> 32) & RowMask));
    }
}
