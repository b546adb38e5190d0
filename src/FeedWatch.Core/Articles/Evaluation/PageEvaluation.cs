namespace FeedWatch.Core.Articles.Evaluation;

/// <summary>One page's score and the text that earned it (for finding what to improve).</summary>
public sealed record PageEvaluation(string Id, PageScore Score, string Extracted);
