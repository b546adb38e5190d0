using FeedWatch.Evaluation.Stories;

namespace FeedWatch.Core.Tests.Stories;

/// <summary>
/// The generalization harness on the shared corpora (what `feedwatch eval stories --folds` prints): every out-of-fold
/// figure holds its floor and stays within 0.02 of its in-fold figure (issue #23's target).
/// </summary>
public sealed class FoldFiguresTests
{
    private static FoldUnit Unit(string file, FoldObjective objective)
    {
        using var reader = File.OpenText(SharedData.PathOf("stories/" + file + ".jsonl"));
        return new FoldUnit(file, StoryCorpusReader.Read(reader), objective);
    }

    [Fact]
    public void Out_of_fold_figures_hold_their_floors_and_stay_near_in_fold()
    {
        var ecb = Unit("ecbplus-odd-topics", FoldObjective.BCubedF1);
        var (first, second) = TopicHalves.Split(ecb.Articles);
        var run = FoldHarness.Evaluate(
            [Unit("basil", FoldObjective.BCubedF1), ecb, Unit("seeds", FoldObjective.BCubedF1), Unit("uci-headlines", FoldObjective.SpreadF1)],
            [(new FoldUnit("ecb A", first, FoldObjective.BCubedF1), new FoldUnit("ecb B", second, FoldObjective.BCubedF1))]);

        var floors = new Dictionary<string, double>
        {
            ["basil"] = 0.9815,
            ["ecbplus-odd-topics"] = 0.9397,
            ["seeds"] = 0.9999,
            ["uci-headlines"] = 0.9169,
            ["ecb A"] = 0.9631,
            ["ecb B"] = 0.9370,
        };
        Assert.Equal(floors.Count, run.Folds.Count);
        foreach (var fold in run.Folds)
        {
            Assert.True(fold.OutOfFoldObjective >= floors[fold.HeldOut], $"{fold.HeldOut}: out-of-fold {fold.OutOfFoldObjective:F4} below its floor {floors[fold.HeldOut]:F4}");
            Assert.True(fold.InFoldObjective - fold.OutOfFoldObjective <= 0.02, $"{fold.HeldOut}: out-of-fold {fold.OutOfFoldObjective:F4} more than 0.02 below in-fold {fold.InFoldObjective:F4}");
        }
    }
}
