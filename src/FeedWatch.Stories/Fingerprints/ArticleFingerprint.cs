using FeedWatch.Stories.Text;

namespace FeedWatch.Stories.Fingerprints;

/// <summary>
/// Everything the engine derives from one article, computed once per article. What retrieval needs (3-grams, MinHash,
/// topic) is computed up front; the skeleton signatures only the relation classifier and the source cache use are
/// computed on first use, because most articles match no story and never need them.
/// </summary>
internal sealed class ArticleFingerprint(
    StoryArticle article,
    AnalyzedText body,
    ulong[] shingles,
    ushort[] minHash,
    TopicVector topic,
    int[] topicFrequencies,
    long frequenciesVersion)
{
    private ulong[]? _spots;

    public StoryArticle Article { get; } = article;

    /// <summary>The analysed body (the title when there is no body).</summary>
    public AnalyzedText Body { get; } = body;

    /// <summary>Word 3-gram hashes, sorted: exact containment for verbatim and partial reuse.</summary>
    public ulong[] Shingles { get; } = shingles;

    /// <summary>Skeleton signatures anchored at function words, sorted: survive synonym spinning (computed on first use).</summary>
    public ulong[] Spots => _spots ??= SpotSignatures.Build(Body.Tokens);

    /// <summary>One-permutation MinHash of <see cref="Shingles"/>: what the LSH index and compact profiles keep.</summary>
    public ushort[] MinHash { get; } = minHash;

    /// <summary>The salient terms (IDF-free weights), names and numbers marked.</summary>
    public TopicVector Topic { get; } = topic;

    /// <summary>
    /// The document frequency of each <see cref="Topic"/> term as read while selecting them, valid while the frequencies'
    /// <see cref="Index.DocumentFrequencies.Version"/> is still <see cref="FrequenciesVersion"/> (saves re-reading the
    /// sketch, whose reads are cache misses, when the article is weighed for matching).
    /// </summary>
    public int[] TopicFrequencies { get; } = topicFrequencies;

    public long FrequenciesVersion { get; } = frequenciesVersion;
}
