namespace FeedWatch.Evaluation.Stories;

/// <summary>
/// Leave-one-corpus-out plus a topic split (docs/stories.md, "Generalization"): replays every unit under every candidate
/// configuration once, then evaluates the folds from those scores (<see cref="FoldSelection"/>).
/// </summary>
/// <remarks>
/// Corpus folds: each corpus is held out in turn; out-of-fold uses the candidate with the best mean objective on the other
/// corpora, in-fold the best on all of them. Topic folds: a corpus is split into two topic halves; each half is held out
/// in turn, out-of-fold uses the candidate best on the other half, in-fold the best on the half itself.
/// </remarks>
public static class FoldHarness
{
    public sealed record Run(
        IReadOnlyList<FoldCandidate> Candidates,
        IReadOnlyList<IReadOnlyDictionary<string, StoryCorpusScore>> Scores,
        IReadOnlyList<FoldResult> Folds);

    /// <param name="corpora">Whole corpora (each held out in turn).</param>
    /// <param name="topicHalves">Pairs of topic halves (each half held out in turn against the other).</param>
    /// <param name="candidates">Configurations to choose among (default: <see cref="FoldGrid.Candidates"/>).</param>
    /// <param name="progress">Reports (candidate, unit) as each replay starts.</param>
    public static Run Evaluate(
        IReadOnlyList<FoldUnit> corpora,
        IReadOnlyList<(FoldUnit First, FoldUnit Second)> topicHalves,
        IReadOnlyList<FoldCandidate>? candidates = null,
        IProgress<(FoldCandidate Candidate, FoldUnit Unit)>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(corpora);
        ArgumentNullException.ThrowIfNull(topicHalves);
        candidates ??= FoldGrid.Candidates();
        var units = corpora.Concat(topicHalves.SelectMany(h => new[] { h.First, h.Second })).ToList();
        if (units.Select(u => u.Name).Distinct(StringComparer.Ordinal).Count() != units.Count)
        {
            throw new ArgumentException("Unit names must be distinct.");
        }

        var scores = new List<IReadOnlyDictionary<string, StoryCorpusScore>>(candidates.Count);
        foreach (var candidate in candidates)
        {
            var row = new Dictionary<string, StoryCorpusScore>(StringComparer.Ordinal);
            foreach (var unit in units)
            {
                progress?.Report((candidate, unit));
                row[unit.Name] = StoryCorpusScore.Of(StoryCorpusRunner.Run(unit.Articles, new StoryEngine(candidate.Options)));
            }

            scores.Add(row);
        }

        var objectives = units.ToDictionary(u => u.Name, u => u.Objective, StringComparer.Ordinal);
        var corpusNames = corpora.Select(c => c.Name).ToList();
        var folds = new List<FoldSplit>();
        if (corpusNames.Count > 1)
        {
            folds.AddRange(corpusNames.Select(held => new FoldSplit(held, [.. corpusNames.Where(n => n != held)])));
        }

        foreach (var (first, second) in topicHalves)
        {
            folds.Add(new FoldSplit(first.Name, [second.Name]));
            folds.Add(new FoldSplit(second.Name, [first.Name]));
        }

        var results = FoldSelection.Evaluate(
            [.. candidates.Select(c => c.Name)],
            scores,
            objectives,
            folds,
            held => corpusNames.Contains(held) ? corpusNames : [held]);
        return new Run(candidates, scores, results);
    }
}
