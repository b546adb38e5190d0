namespace FeedWatch.Stories.Relations;

/// <summary>
/// How much of the wording two texts share. Document level: <see cref="Containment"/> (share of the new text's word
/// 3-grams found in the source), <see cref="ReverseContainment"/> (share of the source found in the new text: aggregator
/// pages embed it), <see cref="Skeleton"/> (overlap of function-word skeleton signatures). Sentence level, as shares of
/// the new text's words: <see cref="Aligned"/> (in sentences that align with a source sentence), <see cref="Verbatim"/>
/// (in sentences copied word for word), <see cref="Substituted"/> (in sentences with the source sentence's skeleton but
/// swapped content words: the spinner's signature).
/// </summary>
public sealed record ReuseEvidence(double Containment, double ReverseContainment, double Skeleton, double Aligned = 0, double Verbatim = 0, double Substituted = 0)
{
    public double Overlap => Math.Max(Containment, ReverseContainment);
}
