namespace FeedWatch.Evaluation.Stories;

/// <summary>
/// A labelled corpus (or a topic half of one) the generalization harness replays: <see cref="Objective"/> says which
/// figure it is judged by (B-cubed F1, or spread-event F1 for a spread stream whose story labels are noisy).
/// </summary>
public sealed record FoldUnit(string Name, IReadOnlyList<CorpusArticle> Articles, FoldObjective Objective);
