namespace FeedWatch.Evaluation.Articles;

/// <summary>The two held-out halves and the out-of-fold figures over all pages (each scored by the configuration chosen without it).</summary>
public sealed record CrossValidationResult(IReadOnlyList<FoldResult> Folds, ExtractionSummary OutOfFold);
