using System.CommandLine;
using System.Diagnostics;
using FeedWatch.Core.Stories;
using FeedWatch.Core.Stories.Evaluation;
using FeedWatch.Core.Stories.Fingerprints;
using FeedWatch.Core.Stories.Index;
using Spectre.Console;

namespace FeedWatch.Cli.Commands;

/// <summary>
/// `feedwatch eval speed [--sizes 10000,100000] [--queries 5000]`: builds active indexes of synthetic 500–800-word
/// articles (one story each) and measures single-threaded Match throughput against them and the managed memory they
/// hold. Run a Release build pinned to one core:
/// `taskset -c 0 src/FeedWatch.Cli/bin/Release/net10.0/feedwatch eval speed`.
/// </summary>
public static class EvalSpeedCommand
{
    /// <summary>Untimed matches before each timed run, so the JIT has promoted the hot loops (steady-state throughput).</summary>
    private const int WarmUpMatches = 500;

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

        if (sizes.Length == 0 || sizes.Any(s => s <= 0) || queryCount <= 0)
        {
            Console.Error.WriteLine("--sizes and --queries must be positive.");
            return 2;
        }

        Console.WriteLine($"load average at start: {LoadAverage()}");
        var generator = new SyntheticArticles();
        Console.WriteLine($"{"indexed",10} {"build s",8} {"build cpu",9} {"match/s",8} {"cpu m/s",8} {"fp us",6} {"rest us",7} {"alloc/m",8} {"joined",7} {"managed MB",10} {"B/article",9} {"index B/art",11} {"peak MB",8}");
        foreach (var size in sizes)
        {
            var row = Measure(generator, size, queryCount);
            Console.WriteLine(row);
        }

        Console.WriteLine($"load average at end: {LoadAverage()}");
        Console.WriteLine("build s: wall-clock seconds to Add every article; build cpu: process CPU-seconds for it. match/s: Match() calls per wall-clock second on one thread, fingerprinting included; cpu m/s: the same per CPU-second of the process (the machine is shared, so wall time includes waiting for a core). fp us / rest us: CPU microseconds per match spent fingerprinting / retrieving and scoring. alloc/m: bytes allocated per match. B/article: managed heap growth per indexed article (index, bounded source cache, fixed document-frequency sketch); index B/art: the engine's own count of its index structures; peak MB: peak working set of the process so far.");
        return 0;
    }

    private static string Measure(SyntheticArticles generator, long size, int queryCount)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var engine = new StoryEngine();
        var build = Stopwatch.StartNew();
        var buildCpu = CpuTime();
        var progressConsole = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        progressConsole.Progress().Start(context =>
        {
            var task = context.AddTask($"Indexing {size:N0} synthetic articles", maxValue: size);
            for (long i = 0; i < size; i++)
            {
                engine.Add($"s{i}", generator.Create(i));
                if ((i & 1023) == 0)
                {
                    task.Value = i;
                }
            }

            task.Value = size;
        });
        build.Stop();
        buildCpu = CpuTime() - buildCpu;
        var managed = GC.GetTotalMemory(forceFullCollection: true) - baseline;
        var indexBytes = engine.EstimateIndexBytes();

        var warmUp = CreateQueries(generator, size, WarmUpMatches, seed: size + queryCount + 1_000_000);
        foreach (var query in warmUp)
        {
            engine.Match(query);
        }

        // Fingerprinting alone, on the same articles, against a document-frequency sketch of the same size: the share of
        // a match spent before the index is touched.
        var queries = CreateQueries(generator, size, queryCount, seed: size);
        var fingerprinter = new ArticleFingerprinter(engine.Options, new DocumentFrequencies());
        foreach (var query in warmUp)
        {
            fingerprinter.Build(query);
        }

        var fingerprintCpu = CpuTime();
        foreach (var query in queries)
        {
            fingerprinter.Build(query);
        }

        fingerprintCpu = CpuTime() - fingerprintCpu;

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var match = Stopwatch.StartNew();
        var matchCpu = CpuTime();
        var joined = 0;
        foreach (var query in queries)
        {
            joined += engine.Match(query).Count > 0 ? 1 : 0;
        }

        match.Stop();
        matchCpu = CpuTime() - matchCpu;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        var fingerprintUs = fingerprintCpu.TotalMilliseconds * 1000 / queries.Count;
        var matchUs = matchCpu.TotalMilliseconds * 1000 / queries.Count;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        GC.KeepAlive(engine);
        return $"{size,10} {build.Elapsed.TotalSeconds,8:F1} {buildCpu.TotalSeconds,9:F1} {queries.Count / match.Elapsed.TotalSeconds,8:F0} {queries.Count / matchCpu.TotalSeconds,8:F0} {fingerprintUs,6:F0} {Math.Max(0, matchUs - fingerprintUs),7:F0} {allocated / queries.Count,8} {joined,7} {managed / 1048576.0,10:F1} {managed / (double)size,9:F0} {indexBytes / (double)size,11:F0} {peak / 1048576.0,8:F0}";
    }

    private static TimeSpan CpuTime() => Process.GetCurrentProcess().TotalProcessorTime;

    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    /// <summary>Articles to match: new articles, and every tenth a reworked copy of an indexed one (which must join it).</summary>
    private static List<StoryArticle> CreateQueries(SyntheticArticles generator, long size, int count, long seed)
    {
        var queries = new List<StoryArticle>(count);
        for (var q = 0; q < count; q++)
        {
            if (q % 10 == 0)
            {
                // A reworked copy: another headline, the first sentence dropped, a new closing sentence.
                var original = generator.Create((seed + (q * 7919L)) % size);
                var body = original.Text[(original.Text.IndexOf(". ", StringComparison.Ordinal) + 2)..];
                queries.Add(original with { Id = $"copy-{seed}-{q}", Outlet = "reprinter.example", Title = "Reprinted " + original.Title, Text = body + " Additional reporting by staff." });
            }
            else
            {
                queries.Add(generator.Create(seed + size + q));
            }
        }

        return queries;
    }
}
