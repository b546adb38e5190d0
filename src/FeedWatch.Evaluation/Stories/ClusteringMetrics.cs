namespace FeedWatch.Evaluation.Stories;

/// <summary>B-cubed and pairwise precision/recall exactly as defined in ../shared/README.md.</summary>
public static class ClusteringMetrics
{
    /// <summary>Per article: P = |pred ∩ gold| / |pred|, R = |pred ∩ gold| / |gold|, averaged over articles.</summary>
    public static PrecisionRecall BCubed(IReadOnlyDictionary<string, string> gold, IReadOnlyDictionary<string, string> predicted)
    {
        var (ids, g, p) = Align(gold, predicted);
        if (ids.Count == 0)
        {
            return new PrecisionRecall(0, 0);
        }

        var goldSize = g.GroupBy(x => x).ToDictionary(x => x.Key, x => x.Count());
        var predSize = p.GroupBy(x => x).ToDictionary(x => x.Key, x => x.Count());
        var both = ids.Select((_, i) => (g[i], p[i])).GroupBy(x => x).ToDictionary(x => x.Key, x => x.Count());
        double precision = 0, recall = 0;
        for (var i = 0; i < ids.Count; i++)
        {
            var shared = both[(g[i], p[i])];
            precision += (double)shared / predSize[p[i]];
            recall += (double)shared / goldSize[g[i]];
        }

        return new PrecisionRecall(precision / ids.Count, recall / ids.Count);
    }

    /// <summary>Over all unordered article pairs; a pair is positive when both share a story.</summary>
    public static PrecisionRecall Pairwise(IReadOnlyDictionary<string, string> gold, IReadOnlyDictionary<string, string> predicted)
    {
        var (ids, g, p) = Align(gold, predicted);
        static long Pairs(long n) => n * (n - 1) / 2;
        var goldPairs = g.GroupBy(x => x).Sum(x => Pairs(x.Count()));
        var predPairs = p.GroupBy(x => x).Sum(x => Pairs(x.Count()));
        var truePairs = ids.Select((_, i) => (g[i], p[i])).GroupBy(x => x).Sum(x => Pairs(x.Count()));
        return new PrecisionRecall(predPairs == 0 ? 0 : (double)truePairs / predPairs, goldPairs == 0 ? 0 : (double)truePairs / goldPairs);
    }

    private static (List<string> Ids, List<string> Gold, List<string> Predicted) Align(IReadOnlyDictionary<string, string> gold, IReadOnlyDictionary<string, string> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        var ids = gold.Keys.Where(predicted.ContainsKey).Order(StringComparer.Ordinal).ToList();
        return (ids, [.. ids.Select(i => gold[i])], [.. ids.Select(i => predicted[i])]);
    }
}
