using System.Runtime.CompilerServices;
using FeedWatch.Stories.Fingerprints;
using FeedWatch.Stories.Index;

namespace FeedWatch.Stories.Scoring;

/// <summary>
/// Story-side figures of the topic comparison (<see cref="CentroidComparison"/>): the IDF each centroid term is scored
/// with (fixed when the story is indexed), the IDF-weighted norm and the name mass, cached with the story.
/// </summary>
internal static class TopicSimilarity
{
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
