using System.Runtime.CompilerServices;
using FeedWatch.Core.Stories.Fingerprints;
using FeedWatch.Core.Stories.Index;

namespace FeedWatch.Core.Stories.Scoring;

/// <summary>
/// Compares an article's weighted topic with a story centroid. The story side uses IDF at the time the story was last
/// indexed (its norm is cached then), so a comparison is one pass over the story's terms with a hashed look-up
/// into the article's.
/// </summary>
public static class TopicSimilarity
{
    /// <summary>
    /// Compares an article with a story's packed centroid (<see cref="ActiveStory.PackedCentroid"/>). Story terms are
    /// visited in ascending order, each looked up among the article's: the shared terms come in the same order as a
    /// merge of the two sorted arrays, so the sums are bit-for-bit those of a merge (tested against one).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static TopicComparison Compare(WeightedTopic article, ReadOnlySpan<ulong> story, ReadOnlySpan<TermKind> storyKinds, double storyNorm, double storyNameMass = 0)
    {
        ArgumentNullException.ThrowIfNull(article);
        double dot = 0, sharedNames = 0, sharedStoryNames = 0;
        var aw = article.Weights;
        var ak = article.Kinds;
        for (var j = 0; j < story.Length; j++)
        {
            var packed = story[j];
            var i = article.IndexOf((uint)(packed >> 32));
            if (i < 0)
            {
                continue;
            }

            var wa = aw[i];
            var ws = ActiveStory.WeightOf(packed);
            var idf = ActiveStory.IdfOf(packed);
            dot += wa * ws * idf;
            if (ak[i] != TermKind.Word)
            {
                sharedNames += wa;
            }

            if (storyKinds[j] != TermKind.Word)
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

    /// <summary>IDF of each centroid term and the IDF-weighted norm, computed when the story is (re)indexed.</summary>
    public static (float[] Idf, double Norm) Weigh(TopicVector story, DocumentFrequencies frequencies)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(frequencies);
        var idf = new float[story.Count];
        double norm = 0;
        for (var j = 0; j < story.Count; j++)
        {
            idf[j] = frequencies.Idf(story.Terms[j]);
            var w = story.Weights[j] * idf[j];
            norm += w * w;
        }

        return (idf, Math.Sqrt(norm));
    }

    /// <summary>The IDF-weighted mass of a centroid's names and numbers.</summary>
    public static double NameMass(TopicVector story, float[] idf)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(idf);
        double mass = 0;
        for (var j = 0; j < story.Count; j++)
        {
            if (story.Kinds[j] != TermKind.Word)
            {
                mass += story.Weights[j] * idf[j];
            }
        }

        return mass;
    }

    /// <summary>The IDF-weighted norm of a centroid whose IDF is already known (a reloaded profile's).</summary>
    public static double Norm(TopicVector story, float[] idf)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(idf);
        double norm = 0;
        for (var j = 0; j < story.Count; j++)
        {
            var w = story.Weights[j] * idf[j];
            norm += w * w;
        }

        return Math.Sqrt(norm);
    }
}
