namespace FeedWatch.Evaluation.Articles;

/// <summary>Title or author over the pages whose gold has one: share exactly right (same words) and mean word F1.</summary>
public sealed record MetadataFigure(int Pages, double Exact, double MeanF1);
