using System.Runtime.CompilerServices;
using FeedWatch.Stories.Fingerprints;
using FeedWatch.Stories.Index;

namespace FeedWatch.Stories.Scoring;

/// <summary>
/// Compares an article's topic with a centroid as the <see cref="CentroidArena"/> stores it (<see cref="CentroidWord"/>s:
/// dictionary index, kind bit and weight code; IDF codes beside them). Story terms are visited in ascending term id
/// order (the order they are stored in), each looked up among the article's by its dictionary index: the shared terms
/// come in the order of a merge of the two sorted arrays, so the sums are bit-for-bit those of a merge over the decoded
/// values (tested against one).
/// </summary>
internal static class CentroidComparison
{
    /// <remarks>
    /// Two passes. First the filter test of every story term (<see cref="IndexedTopic.Passing"/>: eight terms a step
    /// with vector instructions, else without a branch per term): the positions that may be shared are written one
    /// after the other (which terms pass is unpredictable, and a branch per term mispredicted on a good share of them). Then the look-ups of the few that
    /// passed, still in ascending story order, so the sums are accumulated in exactly the same order as before.
    /// The shared weight of the article's lede names is summed in the same pass (in ascending term order, as a scan of
    /// the lede names would).
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static TopicComparison Compare(
        IndexedTopic indexed,
        ReadOnlySpan<uint> storyWords,
        ReadOnlySpan<byte> idfCodes,
        float weightScale,
        double storyNorm,
        double storyNameMass)
    {
        ArgumentNullException.ThrowIfNull(indexed);
        var passed = storyWords.Length <= 512 ? stackalloc int[storyWords.Length + 1] : new int[storyWords.Length + 1];
        var count = indexed.Passing(storyWords, passed);

        double dot = 0, sharedNames = 0, sharedStoryNames = 0, sharedLede = 0;
        var article = indexed.Topic;
        var aw = article.Weights;
        var ak = article.Kinds;
        var lede = indexed.HasLedeNames;
        for (var p = 0; p < count; p++)
        {
            var j = passed[p];
            var word = storyWords[j];
            var i = indexed.Probe(CentroidWord.TermIndex(word));
            if (i < 0)
            {
                continue;
            }

            var wa = aw[i];
            var ws = CentroidCodec.DecodeWeight(CentroidWord.WeightCode(word), weightScale);
            var idf = CentroidCodec.DecodeIdf(idfCodes[j]);
            dot += wa * ws * idf;
            if (ak[i] != TermKind.Word)
            {
                sharedNames += wa;
            }

            if (CentroidWord.IsName(word))
            {
                sharedStoryNames += ws * idf;
            }

            if (lede)
            {
                // 0 for a term that is not a lede name: adding +0.0 leaves the sum exactly as it was.
                sharedLede += indexed.LedeWeightAt(i);
            }
        }

        var cosine = article.Norm == 0 || storyNorm == 0 ? 0 : dot / (article.Norm * storyNorm);
        return new TopicComparison(
            cosine,
            article.NameMass == 0 ? 1 : sharedNames / article.NameMass,
            article.NameMass > 0,
            storyNameMass <= 0 ? 1 : Math.Min(1, sharedStoryNames / storyNameMass),
            sharedLede);
    }
}
