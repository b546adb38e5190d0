using FeedWatch.Stories.Promotion;

namespace FeedWatch.Evaluation.Stories;

/// <summary>
/// Replays a corpus through a story engine in auto-discovery mode, exactly as the classify stage does: match, join the
/// best story or start a new one, add, track spread, consolidate. Never reads the gold <see cref="CorpusArticle.Story"/>.
/// A story merged by consolidation hands its articles to the target (the assignments report final clusters) and its
/// outlets to the target's spread record (no new alert: every outlet was alerted, or was an origin, when it arrived).
/// </summary>
public static class StoryCorpusRunner
{
    private const int ExpireEvery = 256;

    public static StoryCorpusRun Run(IReadOnlyList<CorpusArticle> corpus, IStoryEngine engine, PromotionRule? rule = null, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(engine);
        var ordered = StoryCorpusReader.InPublishedOrder(corpus);
        var tracker = new SpreadTracker(rule);
        var assignments = new List<ArticleAssignment>(ordered.Count);
        var alerts = new List<SpreadAlertLine>();
        var promoted = new List<string>();
        var next = 0;
        var mergedInto = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < ordered.Count; i++)
        {
            var article = ordered[i].ToStoryArticle();
            var matches = engine.Match(article);
            string cluster;
            if (matches.Count > 0)
            {
                cluster = matches[0].StoryId;
                assignments.Add(new ArticleAssignment(article.Id, cluster, matches[0].Relation.ToString().ToLowerInvariant(), Math.Round(matches[0].Score, 4)));
            }
            else
            {
                cluster = $"story-{++next:D6}";
                assignments.Add(new ArticleAssignment(article.Id, cluster, "origin", 0));
            }

            engine.Add(cluster, article);
            foreach (var merge in engine.Consolidate())
            {
                mergedInto[merge.From] = merge.Into;
                tracker.Absorb(merge.From, merge.Into);
            }

            // The article's own story may itself have been merged just now: its spread counts for the target.
            cluster = FinalStory(cluster, mergedInto);

            var observation = tracker.Observe(cluster, article.Outlet, article.Published);
            if (observation.IsNewOutlet)
            {
                alerts.Add(new SpreadAlertLine(article.Id, cluster, article.Outlet));
            }

            if (observation.Promoted)
            {
                promoted.Add(cluster);
                (engine as StoryEngine)?.Promote(cluster);
            }

            if (article.Published is { } now && (i + 1) % ExpireEvery == 0)
            {
                engine.Expire(now);
            }

            progress?.Report(i + 1);
        }

        return new StoryCorpusRun(ordered, [.. assignments.Select(a => a with { Cluster = FinalStory(a.Cluster, mergedInto) })], alerts, promoted);
    }

    private static string FinalStory(string storyId, Dictionary<string, string> mergedInto)
    {
        while (mergedInto.TryGetValue(storyId, out var into))
        {
            storyId = into;
        }

        return storyId;
    }
}
