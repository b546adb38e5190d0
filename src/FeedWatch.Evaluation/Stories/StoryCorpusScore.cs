namespace FeedWatch.Evaluation.Stories;

/// <summary>B-cubed, pairwise and spread-event figures of one corpus run.</summary>
public sealed record StoryCorpusScore(PrecisionRecall BCubed, PrecisionRecall Pairwise, PrecisionRecall Spread, int Articles, int GoldStories, int PredictedClusters)
{
    public static StoryCorpusScore Of(StoryCorpusRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var gold = run.Ordered.ToDictionary(a => a.Id, a => a.Story ?? throw new FormatException($"Article {a.Id} has no gold \"story\" to score against."), StringComparer.Ordinal);
        var predicted = run.Assignments.ToDictionary(a => a.Id, a => a.Cluster, StringComparer.Ordinal);
        return new StoryCorpusScore(
            ClusteringMetrics.BCubed(gold, predicted),
            ClusteringMetrics.Pairwise(gold, predicted),
            SpreadEvents.Score(SpreadEvents.Gold(run.Ordered), [.. run.Alerts.Select(a => a.Article)]),
            run.Ordered.Count,
            gold.Values.Distinct().Count(),
            predicted.Values.Distinct().Count());
    }
}
