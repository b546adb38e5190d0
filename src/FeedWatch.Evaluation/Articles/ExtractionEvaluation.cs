namespace FeedWatch.Evaluation.Articles;

/// <summary>The corpus score and the per-page details.</summary>
public sealed record ExtractionEvaluation(ExtractionScore Score, IReadOnlyList<PageEvaluation> Pages)
{
    public ExtractionSummary Summary { get; } = ExtractionSummary.From(Pages);
}
