namespace FeedWatch.Evaluation.Stories;

/// <summary>
/// Spread events as defined in ../shared/README.md: replaying in published order, the first article of each
/// (story, outlet) pair after the story's first article.
/// </summary>
public static class SpreadEvents
{
    public static HashSet<string> Gold(IEnumerable<CorpusArticle> inPublishedOrder)
    {
        ArgumentNullException.ThrowIfNull(inPublishedOrder);
        var outlets = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var events = new HashSet<string>(StringComparer.Ordinal);
        foreach (var article in inPublishedOrder)
        {
            var story = article.Story ?? throw new FormatException($"Article {article.Id} has no gold \"story\" to score against.");
            if (!outlets.TryGetValue(story, out var seen))
            {
                outlets[story] = [article.Outlet];
                continue;
            }

            if (seen.Add(article.Outlet))
            {
                events.Add(article.Id);
            }
        }

        return events;
    }

    public static PrecisionRecall Score(IReadOnlyCollection<string> goldEvents, IReadOnlyCollection<string> predictedEvents)
    {
        ArgumentNullException.ThrowIfNull(goldEvents);
        ArgumentNullException.ThrowIfNull(predictedEvents);
        var gold = goldEvents.ToHashSet(StringComparer.Ordinal);
        var hits = predictedEvents.Count(gold.Contains);
        return new PrecisionRecall(
            predictedEvents.Count == 0 ? 0 : (double)hits / predictedEvents.Count,
            gold.Count == 0 ? 0 : (double)hits / gold.Count);
    }
}
