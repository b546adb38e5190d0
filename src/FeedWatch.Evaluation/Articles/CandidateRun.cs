namespace FeedWatch.Evaluation.Articles;

/// <summary>One extractor configuration evaluated on every page of a corpus (pages in corpus order).</summary>
public sealed record CandidateRun(string Name, IReadOnlyList<PageEvaluation> Pages);
