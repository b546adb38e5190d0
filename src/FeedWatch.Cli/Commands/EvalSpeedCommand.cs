using System.CommandLine;
using System.Diagnostics;
using FeedWatch.Core.Stories;
using FeedWatch.Core.Stories.Evaluation;

namespace FeedWatch.Cli.Commands;

/// <summary>
/// `feedwatch eval speed [--sizes 10000,100000] [--queries 5000]`: builds active indexes of synthetic 500–800-word
/// articles (one story each) and measures single-threaded Match throughput against them and the managed memory they
/// hold. Run a Release build pinned to one core: `taskset -c 0 dotnet run -c Release --project src/FeedWatch.Cli -- eval speed`.
/// </summary>
public static class EvalSpeedCommand
{
    public static Command Create()
    {
        var sizes = new Option<string>("--sizes") { Description = "Comma-separated index sizes (stories).", DefaultValueFactory = _ => "10000,100000" };
        var queries = new Option<int>("--queries") { Description = "Articles matched per size (one in ten is a reworked copy of an indexed article).", DefaultValueFactory = _ => 5000 };
        var command = new Command("speed", "Measure story matching throughput and index memory on synthetic articles.") { sizes, queries };
        command.SetAction(parse => Run(parse.GetValue(sizes)!, parse.GetValue(queries)));
        return command;
    }

    private static int Run(string sizesText, int queryCount)
    {
        long[] sizes;
        try
        {
            sizes = [.. sizesText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(long.Parse)];
        }
        catch (FormatException)
        {
            Console.Error.WriteLine($"--sizes must be comma-separated whole numbers, got \"{sizesText}\".");
            return 2;
        }

        var generator = new SyntheticArticles();
        Console.WriteLine($"{"indexed",10} {"build s",9} {"build/s",9} {"match/s",9} {"cpu m/s",9} {"joined",7} {"managed MB",11} {"B/article",10} {"index B/art",11}");
        foreach (var size in sizes)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var baseline = GC.GetTotalMemory(forceFullCollection: true);
            var engine = new StoryEngine();
            var build = Stopwatch.StartNew();
            for (long i = 0; i < size; i++)
            {
                engine.Add($"s{i}", generator.Create(i));
            }

            build.Stop();
            var managed = GC.GetTotalMemory(forceFullCollection: true) - baseline;
            var queries = CreateQueries(generator, size, queryCount);
            var match = Stopwatch.StartNew();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var joined = 0;
            foreach (var query in queries)
            {
                joined += engine.Match(query).Count > 0 ? 1 : 0;
            }

            match.Stop();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            Console.WriteLine($"{size,10} {build.Elapsed.TotalSeconds,9:F1} {size / build.Elapsed.TotalSeconds,9:F0} {queries.Count / match.Elapsed.TotalSeconds,9:F0} {queries.Count / cpu.TotalSeconds,9:F0} {joined,7} {managed / 1048576.0,11:F1} {managed / (double)size,10:F0} {engine.EstimateIndexBytes() / (double)size,11:F0}");
            GC.KeepAlive(engine);
        }

        Console.WriteLine("match/s: Match() calls per wall-clock second on one thread, fingerprinting included; cpu m/s: the same per CPU-second of the process (the machine is shared, so wall time includes waiting for a core); B/article: managed heap growth per indexed article (index, bounded source cache, fixed 8 MB document-frequency sketch).");
        return 0;
    }

    private static List<StoryArticle> CreateQueries(SyntheticArticles generator, long size, int count)
    {
        var queries = new List<StoryArticle>(count);
        for (var q = 0; q < count; q++)
        {
            if (q % 10 == 0)
            {
                // A reworked copy: another headline, the first sentence dropped, a new closing sentence.
                var original = generator.Create((q * 7919L) % size);
                var body = original.Text[(original.Text.IndexOf(". ", StringComparison.Ordinal) + 2)..];
                queries.Add(original with { Id = $"copy-{q}", Outlet = "reprinter.example", Title = "Reprinted " + original.Title, Text = body + " Additional reporting by staff." });
            }
            else
            {
                queries.Add(generator.Create(size + q));
            }
        }

        return queries;
    }
}
