using System.Runtime.CompilerServices;
using FeedWatch.Core.Stories.Fingerprints;
using FeedWatch.Core.Stories.Index;

namespace FeedWatch.Core.Stories.Scoring;

/// <summary>
/// Compares an article's weighted topic with a centroid as the <see cref="CentroidArena"/> stores it (term words whose
/// lowest bit is the kind, weight and IDF codes). Story terms are visited in ascending id order, each looked up among
/// the article's: the shared terms come in the order of a merge of the two sorted arrays, so the sums are bit-for-bit
/// those of a merge over the decoded values (tested against one).
/// </summary>
public static class CentroidComparison
{
    /// <remarks>
    /// Two passes. First the filter test of every story term without a branch: the positions that may be shared are
    /// written one after the other and the write position moves on only when the filter bit is set (which terms pass
    /// is unpredictable, and a branch per term mispredicted on a good share of them). Then the look-ups of the few that
    /// passed, still in ascending story order, so the sums are accumulated in exactly the same order as before.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static TopicComparison Compare(
        WeightedTopic article,
        ReadOnlySpan<uint> storyTerms,
        ReadOnlySpan<byte> weightCodes,
        ReadOnlySpan<byte> idfCodes,
        float weightScale,
        double storyNorm,
        double storyNameMass)
    {
        ArgumentNullException.ThrowIfNull(article);
        var passed = storyTerms.Length <= 512 ? stackalloc int[storyTerms.Length + 1] : new int[storyTerms.Length + 1];
        var count = 0;
        for (var j = 0; j < storyTerms.Length; j++)
        {
            passed[count] = j;
            count += article.MayContain(storyTerms[j] | 1u) ? 1 : 0;
        }

        double dot = 0, sharedNames = 0, sharedStoryNames = 0;
        var aw = article.Weights;
        var ak = article.Kinds;
        for (var p = 0; p < count; p++)
        {
            var j = passed[p];
            var word = storyTerms[j];
            var i = article.Probe(word | 1u);
            if (i < 0)
            {
                continue;
            }

            var wa = aw[i];
            var ws = CentroidCodec.DecodeWeight(weightCodes[j], weightScale);
            var idf = CentroidCodec.DecodeIdf(idfCodes[j]);
            dot += wa * ws * idf;
            if (ak[i] != TermKind.Word)
            {
                sharedNames += wa;
            }

            if ((word & 1u) != 0)
            {
                sharedStoryNames += ws * idf;
            }
        }

        var cosine = article.Norm == 0 || storyNorm == 0 ? 0 : dot / (article.Norm * storyNorm);
        return new TopicComparison(
            cosine,
            article.NameMass == 0 ? 1 : sharedNames / article.NameMass,
            article.NameMass > 0,
            storyNameMass <= 0 ? 1 : Math.Min(1, sharedStoryNames / storyNameMass));
    }
}
