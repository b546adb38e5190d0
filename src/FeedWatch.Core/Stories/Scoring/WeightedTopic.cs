using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FeedWatch.Core.Stories.Fingerprints;
using FeedWatch.Core.Stories.Index;

namespace FeedWatch.Core.Stories.Scoring;

/// <summary>
/// An article's topic vector with IDF applied once per match (not once per candidate), plus its norm and the mass of
/// its names and numbers. <c>knownFrequencies</c>: the document frequency of each term, when the caller has just read
/// them (the same figures <see cref="DocumentFrequencies.Idf"/> would read).
/// </summary>
public sealed class WeightedTopic
{
    public WeightedTopic(TopicVector topic, DocumentFrequencies frequencies, int[]? knownFrequencies = null)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(frequencies);
        Terms = topic.Terms;
        Kinds = topic.Kinds;
        Weights = new float[topic.Count];
        double norm = 0, names = 0;
        for (var i = 0; i < topic.Count; i++)
        {
            var idf = knownFrequencies is null ? frequencies.Idf(topic.Terms[i]) : frequencies.IdfOf(knownFrequencies[i]);
            var w = topic.Weights[i] * idf;
            Weights[i] = w;
            norm += w * w;
            if (topic.Kinds[i] != TermKind.Word)
            {
                names += w;
            }
        }

        Norm = Math.Sqrt(norm);
        NameMass = names;
    }

    // A 2,048-bit filter over the top bits of the article's term ids (ids are hashes, so their top bits are uniform):
    // most story terms are not among the article's, and one bit test rejects about 95 % of them without a probe.
    private const int FilterBits = 11;
    private const int FilterShift = 32 - FilterBits;
    private const int FilterWords = (1 << FilterBits) / 64; // indexed by the top 5 bits of a term id: no bounds check needed
    private ulong[]? _filter;

    // Open-addressing table of (term << 32 | index + 1): a probe per term instead of a binary search. Built on first
    // use: the engine compares by dictionary index (IndexedTopic), so most topics never need it.
    private ulong[]? _lookup;

    public uint[] Terms { get; }


    public float[] Weights { get; }

    public TermKind[] Kinds { get; }

    public double Norm { get; }

    public double NameMass { get; }

    /// <summary>Position of <paramref name="term"/> in <see cref="Terms"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int IndexOf(uint term) => MayContain(term) ? Probe(term) : -1;

    /// <summary>
    /// False when <paramref name="term"/> is certainly not among the article's terms (one bit test; about 95 % of other
    /// terms stop here), true when it may be (then <see cref="Probe"/> decides).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayContain(uint term) =>
        (Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_filter ??= BuildFilter(Terms)), (int)(term >> FilterShift >> 6)) & (1UL << (int)(term >> FilterShift))) != 0;

    /// <summary>Position of <paramref name="term"/> in <see cref="Terms"/>, or -1, by the hash table alone.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Probe(uint term)
    {
        var table = _lookup ??= BuildLookup(Terms);
        var mask = table.Length - 1;
        var slot = (int)((term * 2654435761u) >> 16) & mask;
        while (true)
        {
            var entry = table[slot];
            if (entry == 0)
            {
                return -1;
            }

            if ((uint)(entry >> 32) == term)
            {
                return (int)(uint)entry - 1;
            }

            slot = (slot + 1) & mask;
        }
    }

    private static ulong[] BuildFilter(uint[] terms)
    {
        var filter = new ulong[FilterWords];
        foreach (var term in terms)
        {
            filter[(term >> FilterShift) >> 6] |= 1UL << (int)(term >> FilterShift);
        }

        return filter;
    }

    private static ulong[] BuildLookup(uint[] terms)
    {
        var size = 16;
        while (size < terms.Length * 4)
        {
            size <<= 1;
        }

        // Indexes are stored plus one, so an all-zero entry marks an empty slot whatever the term.
        var table = new ulong[size];
        var mask = size - 1;
        for (var i = 0; i < terms.Length; i++)
        {
            var slot = (int)((terms[i] * 2654435761u) >> 16) & mask;
            while (table[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            table[slot] = ((ulong)terms[i] << 32) | (uint)(i + 1);
        }

        return table;
    }
}
