namespace FeedWatch.Evaluation.Stories;

/// <summary>
/// Chooses configurations out of sample. Given every candidate's score on every unit, a fold picks the candidate with the
/// best mean objective over its training units (ties: the earlier candidate, i.e. the shipped default first) and reports
/// that candidate's score on the held-out unit next to the score of the candidate chosen in-fold.
/// </summary>
public static class FoldSelection
{
    public static double ObjectiveOf(StoryCorpusScore score, FoldObjective objective)
    {
        ArgumentNullException.ThrowIfNull(score);
        return objective == FoldObjective.SpreadF1 ? score.Spread.F1 : score.BCubed.F1;
    }

    /// <summary>The index of the candidate with the best mean objective over <paramref name="units"/>.</summary>
    public static int Choose(IReadOnlyList<IReadOnlyDictionary<string, StoryCorpusScore>> scores, IReadOnlyDictionary<string, FoldObjective> objectives, IReadOnlyCollection<string> units)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(objectives);
        ArgumentNullException.ThrowIfNull(units);
        if (scores.Count == 0 || units.Count == 0)
        {
            throw new ArgumentException("A choice needs at least one candidate and one unit.");
        }

        var best = 0;
        var bestMean = double.NegativeInfinity;
        for (var c = 0; c < scores.Count; c++)
        {
            var mean = units.Average(u => ObjectiveOf(scores[c][u], objectives[u]));
            // Strictly better only: a tie keeps the earlier candidate (the default is listed first).
            if (mean > bestMean + 1e-9)
            {
                best = c;
                bestMean = mean;
            }
        }

        return best;
    }

    /// <param name="candidates">Candidate names, in the order of <paramref name="scores"/>.</param>
    /// <param name="scores">Per candidate, the score of every unit.</param>
    /// <param name="objectives">Per unit, the figure it is judged by.</param>
    /// <param name="folds">The folds to evaluate.</param>
    /// <param name="inFoldUnits">Per held-out unit, the units the in-fold choice is made on (it includes the held-out one).</param>
    public static IReadOnlyList<FoldResult> Evaluate(
        IReadOnlyList<string> candidates,
        IReadOnlyList<IReadOnlyDictionary<string, StoryCorpusScore>> scores,
        IReadOnlyDictionary<string, FoldObjective> objectives,
        IReadOnlyList<FoldSplit> folds,
        Func<string, IReadOnlyCollection<string>> inFoldUnits)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(folds);
        ArgumentNullException.ThrowIfNull(inFoldUnits);
        var results = new List<FoldResult>(folds.Count);
        foreach (var fold in folds)
        {
            if (fold.Train.Contains(fold.HeldOut, StringComparer.Ordinal))
            {
                throw new ArgumentException($"Fold {fold.HeldOut} trains on its own held-out unit.", nameof(folds));
            }

            var inFold = Choose(scores, objectives, inFoldUnits(fold.HeldOut));
            var outOfFold = Choose(scores, objectives, fold.Train);
            results.Add(new FoldResult(fold.HeldOut, objectives[fold.HeldOut], candidates[inFold], scores[inFold][fold.HeldOut], candidates[outOfFold], scores[outOfFold][fold.HeldOut]));
        }

        return results;
    }
}
