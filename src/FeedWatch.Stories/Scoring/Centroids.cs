using FeedWatch.Stories.Fingerprints;
using FeedWatch.Stories.Index;

namespace FeedWatch.Stories.Scoring;

/// <summary>Bounded story centroids: each article adds its unit-length term vector; pruning keeps the most salient terms.</summary>
internal static class Centroids
{
    public static TopicVector Merge(TopicVector centroid, TopicVector article, int maxTerms)
    {
        ArgumentNullException.ThrowIfNull(centroid);
        ArgumentNullException.ThrowIfNull(article);
        var norm = 0f;
        foreach (var w in article.Weights)
        {
            norm += w * w;
        }

        var scale = norm > 0 ? 1f / MathF.Sqrt(norm) : 0f;
        var merged = AddScaled(centroid, article, scale);
        return merged.Count > maxTerms ? Truncate(merged, maxTerms, (t, w) => w) : merged;
    }

    /// <summary>Term-wise sum of two centroids (each a sum of unit article vectors): the centroid of both stories' articles.</summary>
    public static TopicVector Sum(TopicVector a, TopicVector b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return AddScaled(a, b, 1f);
    }

    // a + scale × b over the union of terms (both sorted by term id); a term is a name or number when either side says so.
    private static TopicVector AddScaled(TopicVector a, TopicVector b, float scale)
    {
        var terms = new List<uint>(a.Count + b.Count);
        var weights = new List<float>(a.Count + b.Count);
        var kinds = new List<TermKind>(a.Count + b.Count);
        int i = 0, j = 0;
        while (i < a.Count || j < b.Count)
        {
            if (j >= b.Count || (i < a.Count && a.Terms[i] < b.Terms[j]))
            {
                terms.Add(a.Terms[i]);
                weights.Add(a.Weights[i]);
                kinds.Add(a.Kinds[i]);
                i++;
            }
            else if (i >= a.Count || b.Terms[j] < a.Terms[i])
            {
                terms.Add(b.Terms[j]);
                weights.Add(b.Weights[j] * scale);
                kinds.Add(b.Kinds[j]);
                j++;
            }
            else
            {
                terms.Add(a.Terms[i]);
                weights.Add(a.Weights[i] + (b.Weights[j] * scale));
                kinds.Add(a.Kinds[i] == TermKind.Word ? b.Kinds[j] : a.Kinds[i]);
                i++;
                j++;
            }
        }

        return new TopicVector([.. terms], [.. weights], [.. kinds]);
    }

    public static TopicVector Prune(TopicVector vector, int maxTerms, DocumentFrequencies frequencies)
    {
        ArgumentNullException.ThrowIfNull(vector);
        ArgumentNullException.ThrowIfNull(frequencies);
        return vector.Count <= maxTerms ? vector : Truncate(vector, maxTerms, (t, w) => w * frequencies.Idf(t));
    }

    public static TopicVector FromTerms(IReadOnlyList<ProfileTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var sorted = terms.OrderBy(t => t.Term).ToArray();
        return new TopicVector([.. sorted.Select(t => t.Term)], [.. sorted.Select(t => t.Weight)], [.. sorted.Select(t => t.Kind)]);
    }

    /// <summary>The persisted IDF of each term, in the term order of <see cref="FromTerms"/>.</summary>
    public static float[] IdfOf(IReadOnlyList<ProfileTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return [.. terms.OrderBy(t => t.Term).Select(t => t.Idf)];
    }

    private static TopicVector Truncate(TopicVector vector, int maxTerms, Func<uint, float, float> salience)
    {
        // Salience computed once per term (it may cost a frequency lookup); ties broken by term id for determinism.
        var keys = new (float Salience, uint Term, int Index)[vector.Count];
        for (var i = 0; i < vector.Count; i++)
        {
            keys[i] = (-salience(vector.Terms[i], vector.Weights[i]), vector.Terms[i], i);
        }

        Array.Sort(keys);
        var keep = new int[maxTerms];
        for (var k = 0; k < maxTerms; k++)
        {
            keep[k] = keys[k].Index;
        }

        Array.Sort(keep);
        var terms = new uint[maxTerms];
        var weights = new float[maxTerms];
        var kinds = new TermKind[maxTerms];
        for (var k = 0; k < maxTerms; k++)
        {
            terms[k] = vector.Terms[keep[k]];
            weights[k] = vector.Weights[keep[k]];
            kinds[k] = vector.Kinds[keep[k]];
        }

        return new TopicVector(terms, weights, kinds);
    }
}
