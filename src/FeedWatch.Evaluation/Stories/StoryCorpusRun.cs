namespace FeedWatch.Evaluation.Stories;

/// <summary>The outcome of replaying a corpus: one assignment per article, the spread alerts and promoted stories.</summary>
public sealed record StoryCorpusRun(
    IReadOnlyList<CorpusArticle> Ordered,
    IReadOnlyList<ArticleAssignment> Assignments,
    IReadOnlyList<SpreadAlertLine> Alerts,
    IReadOnlyList<string> Promoted);
