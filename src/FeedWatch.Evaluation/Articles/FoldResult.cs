namespace FeedWatch.Evaluation.Articles;

/// <summary>One held-out half: the configuration chosen on the other half, and its figures on both.</summary>
public sealed record FoldResult(int Fold, int Sites, string Chosen, ExtractionSummary Tuning, ExtractionSummary HeldOut);
