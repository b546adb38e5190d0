using System.CommandLine;
using System.Globalization;
using FeedWatch.Core.Articles;
using FeedWatch.Core.Articles.Evaluation;
using Spectre.Console;

namespace FeedWatch.Cli.Commands;

/// <summary>
/// `feedwatch eval extraction [--corpus DIR] [--worst N]`: scores the extractor on the article-body benchmark
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
        var command = new Command("extraction", "Score article-body extraction (precision, recall, F1) and speed.") { corpus, worst };
        command.SetAction(parse => Run(parse.GetValue(corpus), parse.GetValue(worst)));
        return command;
    }

    private static int Run(DirectoryInfo? corpusDirectory, int worst)
    {
        var directory = corpusDirectory?.FullName ?? ExtractionCorpus.FindDefault(Environment.CurrentDirectory) ?? ExtractionCorpus.FindDefault(AppContext.BaseDirectory);
        if (directory is null || !Directory.Exists(directory))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]No extraction corpus found.[/] Pass --corpus DIR (a folder with ground-truth.json and html/).");
            return 2;
        }

        var pages = ExtractionCorpus.Load(directory);
        var extractor = new ArticleExtractor();

        // One untimed pass warms up the JIT and the regex caches so the figure reflects steady-state throughput.
        ExtractionEvaluator.Evaluate(extractor, pages.Take(20).ToList());

        ExtractionEvaluation? result = null;
        AnsiConsole.Progress().Start(context =>
        {
            var task = context.AddTask("Extracting", maxValue: pages.Count);
            result = ExtractionEvaluator.Evaluate(extractor, pages, done => task.Value = done);
        });

        var score = result!.Score;
        var table = new Table().AddColumns("corpus", "pages", "precision", "recall", "F1", "pages/s (1 thread, from bytes)");
        table.AddRow(Markup.Escape(directory), score.Pages.ToString(CultureInfo.InvariantCulture), F(score.Precision), F(score.Recall), F(score.F1),
            score.PagesPerSecond.ToString("0", CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);

        if (worst > 0)
        {
            foreach (var page in result.Pages.OrderBy(p => F1(p.Score)).Take(worst))
            {
                AnsiConsole.WriteLine($"{page.Id}  P={page.Score.Precision:0.000} R={page.Score.Recall:0.000} predicted={page.Score.Predicted} gold={page.Score.Gold}");
            }
        }

        return 0;
    }

    private static double F1(PageScore s) => s.Precision + s.Recall == 0 ? 0 : 2 * s.Precision * s.Recall / (s.Precision + s.Recall);

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
