using System.CommandLine;
using System.Globalization;
using FeedWatch.Core.Articles;
using FeedWatch.Core.Articles.Evaluation;
using Spectre.Console;

namespace FeedWatch.Cli.Commands;

/// <summary>
/// `feedwatch eval extraction [--corpus DIR] [--worst N] [--rounds N]`: scores the extractor on the article-body benchmark
/// with the published shingle metric and measures pages per second from bytes on one thread.
/// </summary>
public static class EvalExtractionCommand
{
    /// <summary>Adds `extraction` under the shared `eval` command, creating `eval` if no other command has yet.</summary>
    public static void AddTo(RootCommand root)
    {
        var eval = root.Subcommands.FirstOrDefault(c => c.Name == "eval");
        if (eval is null)
        {
            eval = new Command("eval", "Measure FeedWatch against benchmark corpora.");
            root.Subcommands.Add(eval);
        }

        eval.Subcommands.Add(Create());
    }

    public static Command Create()
    {
        var corpus = new Option<DirectoryInfo?>("--corpus") { Description = "Benchmark folder (ground-truth.json + html/). Default: ../shared/data/extraction/scrapinghub from the repository root." };
        var worst = new Option<int>("--worst") { Description = "Also list the N lowest-F1 pages.", DefaultValueFactory = _ => 0 };
        var rounds = new Option<int>("--rounds") { Description = "Timed passes over the corpus (the best is reported; the score is the same every pass).", DefaultValueFactory = _ => 5 };
        var command = new Command("extraction", "Score article-body extraction (precision, recall, F1) and speed.") { corpus, worst, rounds };
        command.SetAction(parse => Run(parse.GetValue(corpus), parse.GetValue(worst), Math.Max(1, parse.GetValue(rounds))));
        return command;
    }

    private static int Run(DirectoryInfo? corpusDirectory, int worst, int rounds)
    {
        var directory = corpusDirectory?.FullName ?? ExtractionCorpus.FindDefault(Environment.CurrentDirectory) ?? ExtractionCorpus.FindDefault(AppContext.BaseDirectory);
        if (directory is null || !Directory.Exists(directory))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]No extraction corpus found.[/] Pass --corpus DIR (a folder with ground-truth.json and html/).");
            return 2;
        }

        var pages = ExtractionCorpus.Load(directory);
        var extractor = new ArticleExtractor();
        ExtractionEvaluation? result = null;
        ThroughputPass? speed = null, parseString = null, parseBytes = null;

        // No automatic redraw: the progress bar is redrawn between passes on this thread, so no other thread of the
        // process competes with (or is charged to) a timed pass.
        AnsiConsole.Progress().AutoRefresh(false).Start(context =>
        {
            var scoring = context.AddTask("Scoring", maxValue: pages.Count);
            result = ExtractionEvaluator.Evaluate(extractor, pages, done =>
            {
                scoring.Value = done;
                if (done % 20 == 0 || done == pages.Count)
                {
                    context.Refresh();
                }
            });

            // Extractor and plain AngleSharp passes alternate, so the load of a shared machine hits all three alike.
            IReadOnlyList<Action<int>> actions = [i => extractor.Extract(pages[i].Html, pages[i].Url), .. ParserBaseline.Actions(pages)];
            var passes = Measure(context, "Extractor and AngleSharp baselines, interleaved", rounds,
                report => ThroughputMeter.MeasureInterleaved(pages.Count, actions, rounds, report));
            (speed, parseBytes, parseString) = (passes[0], passes[1], passes[2]);
        });

        var score = result!.Score;
        var table = new Table().AddColumns("pages", "precision", "recall", "F1", "pages/CPU-s", "pages/process-CPU-s", "pages/s wall");
        table.AddRow(score.Pages.ToString(CultureInfo.InvariantCulture), F(score.Precision), F(score.Recall), F(score.F1),
            speed!.PagesPerCpuSecond.ToString("0", CultureInfo.InvariantCulture), speed.PagesPerProcessCpuSecond.ToString("0", CultureInfo.InvariantCulture),
            speed.PagesPerWallSecond.ToString("0", CultureInfo.InvariantCulture));
        AnsiConsole.MarkupLineInterpolated($"corpus: {directory}");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"One thread, from bytes (decode + prefilter + parse + metadata + main text), after warm-up passes until two agree within 5 %; fastest of {rounds} timed passes, alternating with the baselines. pages/CPU-s = pages per CPU second of the measuring thread{(ThreadCpuClock.IsPerThread ? "" : " (process-wide on this OS)")}, the one-core figure; process-CPU-s also charges background JIT and GC threads; wall-clock includes waiting for a busy machine.");
        AnsiConsole.MarkupLineInterpolated($"Baseline in the same run, same meter: AngleSharp alone (default options) {parseBytes!.PagesPerCpuSecond:0} pages/CPU-s from bytes, {parseString!.PagesPerCpuSecond:0} from decoded strings (extractor from bytes = {speed.PagesPerCpuSecond / Math.Max(1, parseString.PagesPerCpuSecond):0.00}x the string parse). Load average: {LoadAverage()}.");
        Console.WriteLine(FormattableString.Invariant($"precision={score.Precision:0.0000} recall={score.Recall:0.0000} f1={score.F1:0.0000} pages_per_cpu_second={speed.PagesPerCpuSecond:0} pages_per_process_cpu_second={speed.PagesPerProcessCpuSecond:0} pages_per_wall_second={speed.PagesPerWallSecond:0} anglesharp_from_bytes_pages_per_cpu_second={parseBytes.PagesPerCpuSecond:0} anglesharp_parse_only_pages_per_cpu_second={parseString.PagesPerCpuSecond:0} empty={score.EmptyPages} load_average=\"{LoadAverage()}\""));

        if (worst > 0)
        {
            foreach (var page in result.Pages.OrderBy(p => F1(p.Score)).Take(worst))
            {
                AnsiConsole.WriteLine($"{page.Id}  P={page.Score.Precision:0.000} R={page.Score.Recall:0.000} predicted={page.Score.Predicted} gold={page.Score.Gold}");
            }
        }

        return 0;
    }

    private static T Measure<T>(ProgressContext context, string label, int rounds, Func<Action<string, int>, T> measure)
    {
        var task = context.AddTask(label, maxValue: rounds);
        context.Refresh();
        var pass = measure((phase, round) =>
        {
            task.Description = $"{label} ({phase})";
            task.Value = Math.Max(0, round - 1);
            context.Refresh();
        });
        task.Value = rounds;
        context.Refresh();
        return pass;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static double F1(PageScore s) => s.Precision + s.Recall == 0 ? 0 : 2 * s.Precision * s.Recall / (s.Precision + s.Recall);

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
