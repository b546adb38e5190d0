namespace FeedWatch.Evaluation.Stories;

/// <summary>One spread alert raised during `eval stories`: the article that brought cluster to a new outlet.</summary>
public sealed record SpreadAlertLine(string Article, string Cluster, string Outlet);
