namespace FeedWatch.Evaluation.Stories;

/// <summary>
/// One fold's figures on its held-out unit. In-fold: the configuration chosen with the held-out unit among the tuning data
/// (every unit of the run for a corpus, the unit itself for a topic half). Out-of-fold: the configuration chosen without it.
/// </summary>
public sealed record FoldResult(
    string HeldOut,
    FoldObjective Objective,
    string InFoldCandidate,
    StoryCorpusScore InFold,
    string OutOfFoldCandidate,
    StoryCorpusScore OutOfFold)
{
    public double InFoldObjective => FoldSelection.ObjectiveOf(InFold, Objective);

    public double OutOfFoldObjective => FoldSelection.ObjectiveOf(OutOfFold, Objective);
}
