using FeedWatch.Core.Stories.Fingerprints;
using FeedWatch.Core.Stories.Index;

namespace FeedWatch.Core.Stories.Scoring;

/// <summary>Compares an article's topic vector with a story centroid, applying current IDF to both sides.</summary>
public static class TopicSimilarity
{
    public static TopicComparison Compare(TopicVector article, TopicVector story, DocumentFrequencies frequencies)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(frequencies);
        double dot = 0, normA = 0, normS = 0, names = 0, sharedNames = 0, nameDot = 0, nameNormA = 0, nameNormS = 0;
        int i = 0, j = 0;
        var at = article.Terms;
        var st = story.Terms;
        while (i < at.Length || j < st.Length)
        {
            if (j >= st.Length || (i < at.Length && at[i] < st[j]))
            {
                var w = article.Weights[i] * frequencies.Idf(at[i]);
                normA += w * w;
                if (article.Kinds[i] != TermKind.Word)
                {
                    names += w;
                    nameNormA += w * w;
                }

                i++;
            }
            else if (i >= at.Length || st[j] < at[i])
            {
                var w = story.Weights[j] * frequencies.Idf(st[j]);
                normS += w * w;
                if (story.Kinds[j] != TermKind.Word)
                {
                    nameNormS += w * w;
                }

                j++;
            }
            else
            {
                var idf = frequencies.Idf(at[i]);
                var wa = article.Weights[i] * idf;
                var ws = story.Weights[j] * idf;
                dot += wa * ws;
                normA += wa * wa;
                normS += ws * ws;
                if (article.Kinds[i] != TermKind.Word)
                {
                    names += wa;
                    sharedNames += wa;
                    nameNormA += wa * wa;
                }

                if (story.Kinds[j] != TermKind.Word)
                {
                    nameNormS += ws * ws;
                }

                if (article.Kinds[i] != TermKind.Word && story.Kinds[j] != TermKind.Word)
                {
                    nameDot += wa * ws;
                }

                i++;
                j++;
            }
        }

        var cosine = normA == 0 || normS == 0 ? 0 : dot / Math.Sqrt(normA * normS);
        var nameCosine = nameNormA == 0 || nameNormS == 0 ? 0 : nameDot / Math.Sqrt(nameNormA * nameNormS);
        return new TopicComparison(cosine, names == 0 ? 1 : sharedNames / names, names > 0, nameCosine);
    }
}
