using FeedWatch.Stories.Fingerprints;
using FeedWatch.Stories.Index;

namespace FeedWatch.Evaluation.Stories;

/// <summary>
/// Fingerprints articles the way the engine does, against a document-frequency sketch of the same size but outside any
/// index: the share of a match spent before the index is touched (`eval speed`).
/// </summary>
public sealed class FingerprintMeter(StoryEngineOptions options)
{
    private readonly ArticleFingerprinter _fingerprinter = new(options, new DocumentFrequencies());

    /// <summary>Builds the article's fingerprint and discards it.</summary>
    public void Build(StoryArticle article) => _fingerprinter.Build(article);
}
