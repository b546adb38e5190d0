using System.Globalization;
using FeedWatch.Evaluation.Stories;
using Spectre.Console;

namespace FeedWatch.Cli.Commands;

/// <summary>
/// `feedwatch eval stories --folds`: every *.jsonl corpus of the folder is a unit held out in turn; a corpus with topic
/// labels ("topic_event", e.g. ECB+) is also split into two topic halves, each held out against the other. A spread
/// stream ("uci*": headlines whose story labels are noisy) is judged by spread-event F1, every other unit by B-cubed F1.
/// </summary>
internal static class EvalFoldsRunner
{
    public static int Run(DirectoryInfo folder)
    {
        if (!folder.Exists)
        {
            Console.Error.WriteLine($"Corpus folder not found: {folder.FullName}");
            return 2;
        }

        var corpora = new List<FoldUnit>();
        var halves = new List<(FoldUnit, FoldUnit)>();
        foreach (var file in folder.GetFiles("*.jsonl").OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            IReadOnlyList<CorpusArticle> articles;
            try
            {
                using var reader = file.OpenText();
                articles = StoryCorpusReader.Read(reader);
            }
            catch (FormatException ex)
            {
                Console.Error.WriteLine($"{file.Name}: {ex.Message}");
                return 2;
            }

            var name = Path.GetFileNameWithoutExtension(file.Name);
            var objective = name.StartsWith("uci", StringComparison.OrdinalIgnoreCase) ? FoldObjective.SpreadF1 : FoldObjective.BCubedF1;
            corpora.Add(new FoldUnit(name, articles, objective));
            var topics = articles.Select(TopicHalves.TopicOf).Distinct(StringComparer.Ordinal).Count();
            var hasTopics = articles.All(a => a.Story?.Contains('_', StringComparison.Ordinal) == true) && topics >= 4;
            if (hasTopics)
            {
                var (first, second) = TopicHalves.Split(articles);
                halves.Add((new FoldUnit(name + " topics A", first, objective), new FoldUnit(name + " topics B", second, objective)));
            }
        }

        if (corpora.Count == 0)
        {
            Console.Error.WriteLine($"No *.jsonl corpus in {folder.FullName}");
            return 2;
        }

        var candidates = FoldGrid.Candidates();
        var replays = candidates.Count * (corpora.Count + (2 * halves.Count));
        FoldHarness.Run run = null!;
        var progressConsole = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        progressConsole.Progress().Start(context =>
        {
            var task = context.AddTask("Replaying corpora under each candidate configuration", maxValue: replays);
            var done = -1;
            run = FoldHarness.Evaluate(corpora, halves, candidates, new Progress<(FoldCandidate Candidate, FoldUnit Unit)>(_ => task.Value = Math.Max(0, ++done)));
            task.Value = replays;
        });

        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine("candidates: " + string.Join("; ", candidates.Select((c, i) => $"{i} = {c.Name}")));
        Console.WriteLine();
        Console.WriteLine("objective per unit and candidate (B-cubed F1; spread F1 for a spread stream):");
        var names = run.Scores[0].Keys.ToList();
        Console.WriteLine($"{"unit",-34} " + string.Join(' ', candidates.Select((_, i) => $"{i,7}")));
        foreach (var unit in names)
        {
            var objective = run.Folds.First(f => f.HeldOut == unit).Objective;
            Console.WriteLine($"{unit,-34} " + string.Join(' ', run.Scores.Select(s => FoldSelection.ObjectiveOf(s[unit], objective).ToString("F4", inv).PadLeft(7))));
        }

        Console.WriteLine();
        Console.WriteLine($"{"held out",-34} {"objective",-10} {"in-fold",8} {"cfg",3} {"out-of-fold",11} {"cfg",3} {"delta",7}   out-of-fold B-cubed P / R / F1   spread F1");
        foreach (var fold in run.Folds)
        {
            var oof = fold.OutOfFold;
            Console.WriteLine(
                $"{fold.HeldOut,-34} {(fold.Objective == FoldObjective.SpreadF1 ? "spread F1" : "B-cubed F1"),-10} {fold.InFoldObjective.ToString("F4", inv),8} {Index(candidates, fold.InFoldCandidate),3} {fold.OutOfFoldObjective.ToString("F4", inv),11} {Index(candidates, fold.OutOfFoldCandidate),3} {(fold.OutOfFoldObjective - fold.InFoldObjective).ToString("+0.0000;-0.0000", inv),7}   "
                + $"{oof.BCubed.Precision.ToString("F4", inv)} / {oof.BCubed.Recall.ToString("F4", inv)} / {oof.BCubed.F1.ToString("F4", inv)}   {oof.Spread.F1.ToString("F4", inv)}");
        }

        Console.WriteLine();
        Console.WriteLine("Corpus folds: out-of-fold = the candidate with the best mean objective on the OTHER corpora, in-fold = the best on all corpora. Topic folds: out-of-fold = best on the other topic half, in-fold = best on the half itself. Ties go to the earlier candidate (0 = the shipped default).");
        return 0;
    }

    private static int Index(IReadOnlyList<FoldCandidate> candidates, string name) => candidates.ToList().FindIndex(c => c.Name == name);
}
