namespace FeedWatch.Evaluation.Articles;

/// <summary>
/// Publication date over the pages whose gold has one: same-day accuracy (missing = wrong), coverage (any date
/// output) and precision (same day among the pages given a date).
/// </summary>
public sealed record DateFigure(int Pages, double SameDay, double Coverage, double Precision);
