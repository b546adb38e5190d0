namespace FeedWatch.Evaluation.Stories;

/// <summary>One output line of `eval stories`: the cluster an article went to, how (relation or "origin"), and the score.</summary>
public sealed record ArticleAssignment(string Id, string Cluster, string Relation, double Score);
