using FeedWatch.Core.Stories.Text;

namespace FeedWatch.Core.Stories.Fingerprints;

/// <summary>Everything the engine derives from one article, computed once per article.</summary>
public sealed class ArticleFingerprint(
    StoryArticle article,
    AnalyzedText body,
    ulong[] shingles,
    ulong[] spots,
    ushort[] minHash,
    TopicVector topic,
    uint[] distinctTerms)
{
    public StoryArticle Article { get; } = article;

    /// <summary>The analysed body (the title when there is no body).</summary>
    public AnalyzedText Body { get; } = body;

    /// <summary>Word 3-gram hashes, sorted: exact containment for verbatim and partial reuse.</summary>
    public ulong[] Shingles { get; } = shingles;

    /// <summary>Skeleton signatures anchored at function words, sorted: survive synonym spinning.</summary>
    public ulong[] Spots { get; } = spots;

    /// <summary>One-permutation MinHash of <see cref="Shingles"/>: what the LSH index and compact profiles keep.</summary>
    public ushort[] MinHash { get; } = minHash;

    /// <summary>The salient terms (IDF-free weights), names and numbers marked.</summary>
    public TopicVector Topic { get; } = topic;

    /// <summary>Every distinct term id, sorted, for document-frequency bookkeeping (sorted on first use: matching never needs it).</summary>
    public uint[] DistinctTerms
    {
        get
        {
            if (!_distinctSorted)
            {
                Array.Sort(distinctTerms);
                _distinctSorted = true;
            }

            return distinctTerms;
        }
    }

    private bool _distinctSorted;
}
