using System.CommandLine;
using System.Globalization;
using FeedWatch.Core.Articles;
using FeedWatch.Evaluation.Articles;
using Spectre.Console;

namespace FeedWatch.Cli.Commands;

/// <summary>
/// `feedwatch eval extraction [--corpus scrapinghub|wcxb-dev|DIR] [--worst N] [--rounds N] [--no-tune] [--date-misses N]`: scores the
/// extractor with WCXB's word F1 and the published 4-gram F1, checks title, author and date against the gold,
/// cross-validates by site, and measures pages per CPU second from bytes on one thread beside a bare AngleSharp parse.
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
        var corpus = new Option<string>("--corpus") { Description = "scrapinghub, wcxb-dev (shared corpora, found from the repository root) or a benchmark folder.", DefaultValueFactory = _ => "scrapinghub" };
        var worst = new Option<int>("--worst") { Description = "List the N pages with the lowest word F1.", DefaultValueFactory = _ => 20 };
        var rounds = new Option<int>("--rounds") { Description = "Timed speed passes over the corpus (the best is reported); 0 skips the speed measurement.", DefaultValueFactory = _ => 5 };
        var noTune = new Option<bool>("--no-tune") { Description = "Cross-validate the default configuration only (faster; out-of-fold then equals in-fold)." };
        var dateMisses = new Option<int>("--date-misses") { Description = "List up to N pages whose extracted publication date is missing or not on the gold day.", DefaultValueFactory = _ => 0 };
        var stages = new Option<bool>("--stages") { Description = "Also print where the extractor's CPU time goes, stage by stage (decode, prefilter, parse, metadata, main text, relaxed pass)." };
        var minRatio = new Option<double>("--min-speed-ratio") { Description = "Exit 1 when the extractor's pages/CPU-s divided by the bare AngleSharp parse's from bytes (same run) is below R; 0 = no check.", DefaultValueFactory = _ => 0 };
        var command = new Command("extraction", "Score article extraction (word F1, 4-gram F1, metadata), cross-validated by site, and speed.") { corpus, worst, rounds, noTune, dateMisses, stages, minRatio };
        command.SetAction(parse => Run(parse.GetValue(corpus) ?? "scrapinghub", parse.GetValue(worst), Math.Max(0, parse.GetValue(rounds)), parse.GetValue(noTune), parse.GetValue(dateMisses), parse.GetValue(stages), parse.GetValue(minRatio)));
        return command;
    }

    private static int Run(string corpusName, int worst, int rounds, bool noTune, int dateMisses, bool stages, double minSpeedRatio)
    {
        ExtractionCorpusSet set;
        try
        {
            set = ExtractionCorpus.LoadSet(corpusName, Directory.Exists(Path.Combine(Environment.CurrentDirectory, "src")) ? Environment.CurrentDirectory : AppContext.BaseDirectory);
        }
        catch (IOException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]No extraction corpus:[/] {e.Message} Pass --corpus scrapinghub|wcxb-dev|DIR.");
            return 2;
        }

        var pages = set.Pages;
        var tunings = noTune ? [new ExtractorTuning()] : ExtractorTuning.Grid;
        var runs = new List<CandidateRun>();
        ExtractionEvaluation? result = null;
        ThroughputPass? speed = null, parseString = null, parseBytes = null;
        StageProfile? profile = null;
        if (minSpeedRatio > 0 && rounds == 0)
        {
            AnsiConsole.MarkupLine("[red]--min-speed-ratio needs the speed measurement:[/] pass --rounds 1 or more.");
            return 2;
        }

        var extractor = new ArticleExtractor();

        // No automatic redraw: the progress bar is redrawn between passes on this thread, so no other thread of the
        // process competes with (or is charged to) a timed pass.
        AnsiConsole.Progress().AutoRefresh(false).Start(context =>
        {
            result = Score(context, "Scoring the default configuration", extractor, pages);
            foreach (var tuning in tunings)
            {
                runs.Add(tuning == new ExtractorTuning()
                    ? new CandidateRun(tuning.Name, result.Pages)
                    : new CandidateRun(tuning.Name, Score(context, $"Cross-validation candidate {tuning.Name}", new ArticleExtractor(new ArticleExtractorOptions { Tuning = tuning }), pages).Pages));
            }

            if (rounds > 0)
            {
                // Extractor and plain AngleSharp passes alternate, so the load of a shared machine hits all three alike.
                IReadOnlyList<Action<int>> actions = [i => extractor.Extract(pages[i].Html, pages[i].Url), .. ParserBaseline.Actions(pages)];
                var passes = Measure(context, "Extractor and AngleSharp baselines, interleaved", rounds,
                    report => ThroughputMeter.MeasureInterleaved(pages.Count, actions, rounds, report));
                (speed, parseBytes, parseString) = (passes[0], passes[1], passes[2]);
            }

            if (stages)
            {
                profile = Measure(context, "Stage breakdown", 1, _ => StageProfiler.Measure(pages, Math.Max(1, rounds)));
            }
        });

        var summary = result!.Summary;
        var cv = CrossValidation.Run(runs);
        AnsiConsole.MarkupLineInterpolated($"corpus: {set.Name} ({set.Directory}), {pages.Count} pages scored{(set.Skipped.Count > 0 ? $", {set.Skipped.Count} without gold text left out ({string.Join(", ", set.Skipped)})" : "")}");
        Console.WriteLine(FormattableString.Invariant($"{"figures",-34} {"pages",5} {"word P",7} {"word R",7} {"word F1",7} {"4g P",7} {"4g R",7} {"4g F1",7} {"title",7} {"author",7} {"date",7} {"date cov",8}  configuration"));
        WriteRow("in-fold (default, all pages)", summary, new ExtractorTuning().Name);
        foreach (var fold in cv.Folds)
        {
            WriteRow($"held-out half {fold.Fold} ({fold.Sites} sites)", fold.HeldOut, fold.Chosen);
        }

        WriteRow("out-of-fold (both halves)", cv.OutOfFold, "chosen per half");
        Console.WriteLine("title/author = exact (same words); date = same day as the gold, missing counts wrong; date cov = share given a date.");
        AnsiConsole.MarkupLineInterpolated($"Folds: by site (host without www., FNV-1a hash, lowest bit). Each half is scored with the configuration that maximises (word F1 + 4-gram F1) / 2 on the other half, among {tunings.Count} candidate(s) ({string.Join("; ", tunings.Select(t => t.Name))}); default: {new ExtractorTuning().Name}.");
        AnsiConsole.MarkupLineInterpolated($"Metadata over pages whose gold has it: title {summary.Title.Pages} pages (exact {summary.Title.Exact:0.000}, word F1 {summary.Title.MeanF1:0.000}); author {summary.Author.Pages} pages (exact {summary.Author.Exact:0.000}, word F1 {summary.Author.MeanF1:0.000}); date {summary.Date.Pages} pages (same day {summary.Date.SameDay:0.000}, coverage {summary.Date.Coverage:0.000}, precision {summary.Date.Precision:0.000}). Empty outputs: {summary.EmptyPages}.");

        var line = FormattableString.Invariant($"corpus={set.Name} pages={pages.Count} word_f1={summary.WordF1:0.0000} word_precision={summary.WordPrecision:0.0000} word_recall={summary.WordRecall:0.0000} shingle_f1={summary.ShingleF1:0.0000} shingle_precision={summary.ShinglePrecision:0.0000} shingle_recall={summary.ShingleRecall:0.0000} oof_word_f1={cv.OutOfFold.WordF1:0.0000} oof_shingle_f1={cv.OutOfFold.ShingleF1:0.0000} fold0_word_f1={cv.Folds[0].HeldOut.WordF1:0.0000} fold1_word_f1={cv.Folds[1].HeldOut.WordF1:0.0000} title_exact={summary.Title.Exact:0.0000} author_exact={summary.Author.Exact:0.0000} date_same_day={summary.Date.SameDay:0.0000} date_coverage={summary.Date.Coverage:0.0000} empty={summary.EmptyPages}");
        if (speed is not null)
        {
            AnsiConsole.MarkupLineInterpolated($"Speed: one thread, from bytes (decode + prefilter + parse + metadata + main text), after warm-up passes until two agree within 5 %; fastest of {rounds} timed passes, alternating with the baselines. pages/CPU-s = pages per CPU second of the measuring thread{(ThreadCpuClock.IsPerThread ? "" : " (process-wide on this OS)")}.");
            AnsiConsole.MarkupLineInterpolated($"Extractor {speed.PagesPerCpuSecond:0} pages/CPU-s ({speed.PagesPerProcessCpuSecond:0} per process-CPU-s, {speed.PagesPerWallSecond:0} per wall-s). Same run, same meter: AngleSharp alone (default options) {parseBytes!.PagesPerCpuSecond:0} pages/CPU-s from bytes, {parseString!.PagesPerCpuSecond:0} from decoded strings (extractor = {speed.PagesPerCpuSecond / Math.Max(1, parseBytes.PagesPerCpuSecond):0.00}x the parse from bytes). Load average: {LoadAverage()}.");
            line += FormattableString.Invariant($" pages_per_cpu_second={speed.PagesPerCpuSecond:0} pages_per_process_cpu_second={speed.PagesPerProcessCpuSecond:0} pages_per_wall_second={speed.PagesPerWallSecond:0} anglesharp_from_bytes_pages_per_cpu_second={parseBytes.PagesPerCpuSecond:0} anglesharp_parse_only_pages_per_cpu_second={parseString.PagesPerCpuSecond:0} load_average=\"{LoadAverage()}\"");
        }

        if (profile is not null)
        {
            WriteStages(profile);
        }

        Console.WriteLine(line);
        var exitCode = 0;
        if (speed is not null && minSpeedRatio > 0)
        {
            var ratio = speed.PagesPerCpuSecond / Math.Max(1, parseBytes!.PagesPerCpuSecond);
            if (ratio < minSpeedRatio)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]Speed below the floor:[/] extractor {ratio:0.00}x the bare parse from bytes, floor {minSpeedRatio:0.00}x.");
                exitCode = 1;
            }
            else
            {
                AnsiConsole.MarkupLineInterpolated($"Speed floor met: extractor {ratio:0.00}x the bare parse from bytes (floor {minSpeedRatio:0.00}x).");
            }
        }

        if (worst > 0)
        {
            AnsiConsole.MarkupLineInterpolated($"{worst} lowest word F1 (default configuration):");
            foreach (var page in result.Pages.OrderBy(p => p.Words.F1).ThenBy(p => p.Id, StringComparer.Ordinal).Take(worst))
            {
                Console.WriteLine(FormattableString.Invariant($"{page.Id}  wordF1={page.Words.F1:0.000} P={page.Words.Precision:0.000} R={page.Words.Recall:0.000} 4gramF1={F1(page.Score):0.000} words={page.Words.Predicted}/{page.Words.Gold}  {page.Page.Url}"));
            }
        }

        if (dateMisses > 0)
        {
            var misses = result.Pages.Where(p => p.Metadata.DateSameDay == false).OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
            AnsiConsole.MarkupLineInterpolated($"{Math.Min(dateMisses, misses.Count)} of {misses.Count} date misses (gold, extracted):");
            foreach (var page in misses.Take(dateMisses))
            {
                var found = page.Article.Published is { } published ? published.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) : "none";
                Console.WriteLine(FormattableString.Invariant($"{page.Id}  gold={page.Page.GoldPublished:yyyy-MM-dd} found={found}  {page.Page.Url}"));
            }
        }

        return exitCode;
    }

    private static void WriteStages(StageProfile p)
    {
        var total = p.Total.TotalMilliseconds;
        string Row(string stage, TimeSpan time) => FormattableString.Invariant($"  {stage,-30} {time.TotalMilliseconds / p.Pages,8:0.000} ms/page {100 * time.TotalMilliseconds / Math.Max(1e-9, total),6:0.0} %");
        Console.WriteLine(FormattableString.Invariant($"Stages (CPU of the measuring thread, best pass per stage, {p.Pages} pages; prefilter keeps {100.0 * p.PrefilteredChars / Math.Max(1, p.DecodedChars):0.0} % of the characters):"));
        Console.WriteLine(Row("decode bytes", p.Decode));
        Console.WriteLine(Row("prefilter", p.Prefilter));
        Console.WriteLine(Row("parse (AngleSharp)", p.Parse));
        Console.WriteLine(Row("metadata", p.Metadata));
        Console.WriteLine(Row("main text", p.Content));
        Console.WriteLine(Row($"relaxed pass ({p.RelaxedPages} pages)", p.Relaxed));
        Console.WriteLine(FormattableString.Invariant($"  {"total",-30} {total / p.Pages,8:0.000} ms/page ({p.Pages / Math.Max(1e-9, p.Total.TotalSeconds):0} pages/CPU-s)"));
    }

    private static ExtractionEvaluation Score(ProgressContext context, string label, IArticleExtractor extractor, IReadOnlyList<ExtractionCorpusPage> pages)
    {
        var task = context.AddTask(label, maxValue: pages.Count);
        return ExtractionEvaluator.Evaluate(extractor, pages, done =>
        {
            task.Value = done;
            if (done % 50 == 0 || done == pages.Count)
            {
                context.Refresh();
            }
        });
    }

    private static void WriteRow(string label, ExtractionSummary s, string config) =>
        Console.WriteLine(FormattableString.Invariant($"{label,-34} {s.Pages,5} {F(s.WordPrecision),7} {F(s.WordRecall),7} {F(s.WordF1),7} {F(s.ShinglePrecision),7} {F(s.ShingleRecall),7} {F(s.ShingleF1),7} {(s.Title.Pages == 0 ? "-" : F(s.Title.Exact)),7} {(s.Author.Pages == 0 ? "-" : F(s.Author.Exact)),7} {(s.Date.Pages == 0 ? "-" : F(s.Date.SameDay)),7} {(s.Date.Pages == 0 ? "-" : F(s.Date.Coverage)),8}  {config}"));

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
