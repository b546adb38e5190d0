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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
        double dot = 0, sharedNames = 0, sharedStoryNames = 0;
        var aw = article.Weights;
        var ak = article.Kinds;
        for (var j = 0; j < storyTerms.Length; j++)
        {
            var word = storyTerms[j];
            var i = article.IndexOf(word | 1u);
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
