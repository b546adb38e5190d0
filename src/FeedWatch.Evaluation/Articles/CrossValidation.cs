namespace FeedWatch.Evaluation.Articles;

/// <summary>
/// Two-fold cross-validation split by site (<see cref="DomainFolds"/>): for each half, the candidate configuration
/// with the best <see cref="ExtractionSummary.Objective"/> (mean of word F1 and 4-gram F1) on the other half is
/// chosen and scored on this one. The out-of-fold figures pool both held-out halves. With a single candidate the
/// choice is fixed and the out-of-fold figures equal the in-fold ones; the per-half figures still show how much the
/// score depends on which sites are in the set.
/// </summary>
public static class CrossValidation
{
    public static CrossValidationResult Run(IReadOnlyList<CandidateRun> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0)
        {
            throw new ArgumentException("At least one candidate configuration is needed.", nameof(candidates));
        }

        var folds = candidates[0].Pages.Select(p => DomainFolds.FoldOf(p.Page.Url)).ToArray();
        var results = new List<FoldResult>();
        var outOfFold = new List<PageEvaluation>();
        for (var heldOut = 0; heldOut < DomainFolds.Count; heldOut++)
        {
            var fold = heldOut;
            var best = candidates
                .Select(c => (Run: c, Tuning: ExtractionSummary.From(Half(c, folds, f => f != fold))))
                .OrderByDescending(c => c.Tuning.Objective)
                .First();
            var held = Half(best.Run, folds, f => f == fold);
            outOfFold.AddRange(held);
            var sites = held.Select(p => p.Page.Url is { } u ? DomainFolds.SiteOf(u) : "").Distinct(StringComparer.Ordinal).Count();
            results.Add(new FoldResult(fold, sites, best.Run.Name, best.Tuning, ExtractionSummary.From(held)));
        }

        return new CrossValidationResult(results, ExtractionSummary.From(outOfFold));
    }

    private static List<PageEvaluation> Half(CandidateRun run, int[] folds, Func<int, bool> include) =>
        run.Pages.Where((_, i) => include(folds[i])).ToList();
}
