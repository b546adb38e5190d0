namespace FeedWatch.Core.Stories.Relations;

/// <summary>
/// How much of the wording two texts share. <see cref="Containment"/>: share of the new text's word 3-grams found in the
/// source; <see cref="ReverseContainment"/>: share of the source found in the new text (aggregator pages embed it);
/// <see cref="Skeleton"/>: overlap of function-word skeleton signatures (survives synonym spinning).
/// </summary>
public sealed record ReuseEvidence(double Containment, double ReverseContainment, double Skeleton)
{
    public double Overlap => Math.Max(Containment, ReverseContainment);
}
