using System.CommandLine;
using System.Text.Json;
using FeedWatch.Core.Serialization;
using FeedWatch.Core.Stories;
using FeedWatch.Evaluation.Stories;
using FeedWatch.Stories;
using Spectre.Console;

namespace FeedWatch.Cli.Commands;

/// <summary>
/// `feedwatch eval stories --corpus FILE.jsonl [--assignments-out FILE] [--alerts-out FILE]`: replays a labelled corpus
/// through the story engine in auto-discovery mode (default configuration, the one the pipeline uses) and prints
/// B-cubed, pairwise and spread-event precision/recall/F1 as defined in ../shared/README.md.
/// `feedwatch eval stories --folds [--corpora DIR]` runs the generalization harness instead (<see cref="EvalFoldsRunner"/>).
/// </summary>
public static class EvalStoriesCommand
{
    public static Command Create()
    {
        var corpus = new Option<FileInfo?>("--corpus") { Description = "Story corpus (JSON Lines: id, story, outlet, url, published, title, text, lang). Required unless --folds." };
        var folds = new Option<bool>("--folds") { Description = "Generalization: leave-one-corpus-out over every *.jsonl in --corpora, plus a topic split of each corpus with topics; prints in-fold and out-of-fold figures side by side." };
        var corpora = new Option<DirectoryInfo>("--corpora") { Description = "Folder of labelled story corpora for --folds.", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("..", "shared", "data", "stories")) };
        var assignmentsOut = new Option<FileInfo?>("--assignments-out") { Description = "Write one {\"id\",\"cluster\",\"relation\",\"score\"} line per article." };
        var alertsOut = new Option<FileInfo?>("--alerts-out") { Description = "Write one {\"article\",\"cluster\",\"outlet\"} line per spread alert." };
        var explain = new Option<bool>("--explain") { Description = "Print, per article, the best-scoring stories and why (diagnostics; slow on large corpora)." };
        var command = new Command("stories", "Cluster a labelled story corpus and score it (B-cubed, pairwise, spread events).") { corpus, assignmentsOut, alertsOut, explain, folds, corpora };
        command.SetAction(parse =>
        {
            if (parse.GetValue(folds))
            {
                return EvalFoldsRunner.Run(parse.GetValue(corpora)!);
            }

            if (parse.GetValue(corpus) is not { } file)
            {
                Console.Error.WriteLine("Give --corpus FILE.jsonl, or --folds.");
                return 2;
            }

            return Run(file, parse.GetValue(assignmentsOut), parse.GetValue(alertsOut), parse.GetValue(explain));
        });
        return command;
    }

    private static int Run(FileInfo corpusFile, FileInfo? assignmentsFile, FileInfo? alertsFile, bool explain)
    {
        if (!corpusFile.Exists)
        {
            Console.Error.WriteLine($"Corpus not found: {corpusFile.FullName}");
            return 2;
        }

        IReadOnlyList<CorpusArticle> corpus;
        try
        {
            using var reader = corpusFile.OpenText();
            corpus = StoryCorpusReader.Read(reader);
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine($"{corpusFile.Name}: {ex.Message}");
            return 2;
        }

        var engine = new StoryEngine();
        if (explain)
        {
            return Explain(corpus, engine);
        }

        var started = DateTime.UtcNow;
        StoryCorpusRun run = null!;
        var progressConsole = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        progressConsole.Progress().Start(context =>
        {
            var task = context.AddTask($"Replaying {corpusFile.Name}", maxValue: corpus.Count);
            run = StoryCorpusRunner.Run(corpus, engine, progress: new Progress<int>(n => task.Value = n));
            task.Value = corpus.Count;
        });
        var elapsed = DateTime.UtcNow - started;

        if (assignmentsFile is not null)
        {
            WriteLines(assignmentsFile, run.Assignments);
        }

        if (alertsFile is not null)
        {
            WriteLines(alertsFile, run.Alerts);
        }

        var score = StoryCorpusScore.Of(run);
        Console.WriteLine($"corpus     {corpusFile.Name}: {score.Articles} articles, {score.GoldStories} gold stories, {score.PredictedClusters} clusters, {elapsed.TotalSeconds:F1}s");
        Console.WriteLine($"B-cubed    {score.BCubed}");
        Console.WriteLine($"pairwise   {score.Pairwise}");
        Console.WriteLine($"spread     {score.Spread}  ({run.Alerts.Count} alerts)");
        Console.WriteLine($"relations  {string.Join(", ", run.Assignments.GroupBy(a => a.Relation).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Count()}"))}");
        return 0;
    }

    private static int Explain(IReadOnlyList<CorpusArticle> corpus, StoryEngine engine)
    {
        var next = 0;
        var goldOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in StoryCorpusReader.InPublishedOrder(corpus))
        {
            var article = item.ToStoryArticle();
            var explained = engine.Explain(article, 3);
            var matches = engine.Match(article);
            var cluster = matches.Count > 0 ? matches[0].StoryId : $"story-{++next:D6}";
            Console.WriteLine($"{item.Id} [{item.Story}] -> {cluster} {(matches.Count > 0 ? matches[0].Relation.ToString() : "origin")} | {item.Title}");
            foreach (var (storyId, score, retrieved) in explained)
            {
                Console.WriteLine($"    {storyId} gold={goldOf.GetValueOrDefault(storyId)} joined={score.Joined} retrieved={retrieved} reuse={score.Reuse:F3} cos={score.Topic.Cosine:F3} names={score.Topic.NameAgreement:F2}{(score.Topic.HasNames ? "" : "*")}/{score.Topic.StoryNameAgreement:F2} time={score.TimeFactor:F2} score={score.Score:F3}");
            }

            engine.Add(cluster, article);
            goldOf.TryAdd(cluster, item.Story ?? "");
        }

        return 0;
    }

    private static void WriteLines<T>(FileInfo file, IEnumerable<T> lines)
    {
        file.Directory?.Create();
        using var writer = new StreamWriter(file.FullName, append: false);
        foreach (var line in lines)
        {
            writer.WriteLine(JsonSerializer.Serialize(line, FeedWatchJson.Options));
        }
    }
}
