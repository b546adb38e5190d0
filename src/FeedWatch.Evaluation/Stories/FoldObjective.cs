namespace FeedWatch.Evaluation.Stories;

/// <summary>The figure a fold unit is judged by.</summary>
public enum FoldObjective
{
    BCubedF1,
    SpreadF1,
}
