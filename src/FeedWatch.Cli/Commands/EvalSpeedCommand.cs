using System.CommandLine;
using System.Diagnostics;
using FeedWatch.Core.Stories;
using FeedWatch.Evaluation.Stories;
using FeedWatch.Stories;
using Spectre.Console;

namespace FeedWatch.Cli.Commands;

/// <summary>
/// `feedwatch eval speed [--sizes 10000,100000] [--queries 5000] [--rounds 1]`: grows one active index of synthetic 500–800-word
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
        var rounds = new Option<int>("--rounds") { Description = "Timed rounds per size, each with its own new queries; more than one prints every round's matches per CPU-second and their median (this machine's noise moves a single round by ±25 %).", DefaultValueFactory = _ => 1 };
        var ab = new Option<string?>("--ab") { Description = "In-process A/B of one of the engine's low-level tricks (touch): after each size, 2 × max(--rounds, 10) further rounds alternate it on and off (on, off, off, on, …) and print both medians." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per index size ({\"indexed\", \"matchesPerCpuSecond\", \"indexBytesPerArticle\", …}) instead of the table." };
        var command = new Command("speed", "Measure story matching throughput and index memory on synthetic articles.") { sizes, queries, rounds, json, ab };
        command.SetAction(parse => Run(parse.GetValue(sizes)!, parse.GetValue(queries), parse.GetValue(rounds), parse.GetValue(json), parse.GetValue(ab)));
        return command;
    }

    private static int Run(string sizesText, int queryCount, int roundCount, bool json, string? ab)
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

        if (sizes.Length == 0 || sizes.Any(s => s <= 0) || queryCount <= 0 || roundCount <= 0)
        {
            Console.Error.WriteLine("--sizes, --queries and --rounds must be positive.");
            return 2;
        }

        // With --json, stdout carries the JSON lines only (progress goes to stderr as always).
        var table = json ? TextWriter.Null : Console.Out;
        table.WriteLine($"load average at start: {LoadAverage()}");
        var generator = new SyntheticArticles();
        table.WriteLine($"{"indexed",10} {"build s",8} {"build cpu",9} {"match/s",8} {"cpu m/s",8} {"fp us",6} {"rest us",7} {"alloc/m",8} {"joined",7} {"managed MB",10} {"B/article",9} {"marginal B/art",14} {"index B/art",11} {"peak MB",8}");
        // One index grows through every size (matching does not change it), so each row is printed as soon as its size
        // is reached and a long run still reports the smaller sizes.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var engine = new StoryEngine();
        var indexed = 0L;
        var build = new Stopwatch();
        var buildCpu = TimeSpan.Zero;
        var previous = (Size: 0L, Managed: 0L);
        foreach (var size in sizes.Order())
        {
            build.Start();
            var cpuBefore = CpuTime();
            Index(engine, generator, indexed, size);
            buildCpu += CpuTime() - cpuBefore;
            build.Stop();
            indexed = size;
            var (row, managed, figures) = Measure(engine, generator, size, queryCount, build.Elapsed, buildCpu, baseline, previous);
            table.WriteLine(row);
            if (roundCount > 1)
            {
                var (line, median) = Rounds(engine, generator, size, queryCount, roundCount);
                table.WriteLine(line);
                figures = figures with { MatchesPerCpuSecond = Math.Round(median), Rounds = roundCount };
            }

            if (ab is not null)
            {
                Console.Error.WriteLine(AbRounds(engine, generator, size, queryCount, Math.Max(roundCount, 10), ab));
            }

            if (json)
            {
                Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(figures, SpeedFiguresJson.Options));
            }

            previous = (size, managed);
        }

        table.WriteLine($"index structures at {indexed:N0} stories (bytes per story):");
        foreach (var (structure, bytes) in engine.IndexMemory())
        {
            table.WriteLine($"  {structure,-36} {bytes / (double)indexed,8:F1}");
        }

        table.WriteLine($"distinct terms: {engine.DistinctTerms:N0} in centroids, {engine.IndexedTermCount:N0} with postings");

        GC.KeepAlive(engine);

        table.WriteLine($"load average at end: {LoadAverage()}");
        table.WriteLine("One index grows through the sizes in increasing order. build s: wall-clock seconds to Add every article so far; build cpu: process CPU-seconds for it. match/s: Match() calls per wall-clock second on one thread, fingerprinting included; cpu m/s: the same per CPU-second of the process (the machine is shared, so wall time includes waiting for a core). fp us / rest us: CPU microseconds per match spent fingerprinting / retrieving and scoring. alloc/m: bytes allocated per match. B/article: managed heap growth per indexed article since the start (index, bounded source cache, fixed document-frequency sketch); marginal B/art: managed heap growth since the previous size divided by the articles added in between (what one more article costs once the fixed-size structures are full; none for the first size); index B/art: the engine's own count of everything that grows with the index (slabs, arenas, tables, headers and free room included, plus the fixed sketch); peak MB: peak working set of the process so far.");
        return 0;
    }

    private static void Index(StoryEngine engine, SyntheticArticles generator, long from, long to)
    {
        var progressConsole = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        progressConsole.Progress().Start(context =>
        {
            var task = context.AddTask($"Indexing synthetic articles {from:N0}–{to:N0}", maxValue: to - from);
            for (var i = from; i < to; i++)
            {
                engine.Add($"s{i}", generator.Create(i));
                // As the classify stage does after every article: due re-checks run (and their side tables stay bounded).
                engine.Consolidate();
                if ((i & 1023) == 0)
                {
                    task.Value = i - from;
                }
            }

            task.Value = to - from;
        });
    }

    private static (string Row, long Managed, SpeedFigures Figures) Measure(StoryEngine engine, SyntheticArticles generator, long size, int queryCount, TimeSpan build, TimeSpan buildCpu, long baseline, (long Size, long Managed) previous)
    {
        var managed = GC.GetTotalMemory(forceFullCollection: true) - baseline;
        // Between two sizes the bounded source cache and the fixed document-frequency sketch no longer grow, so the
        // difference is what the index itself costs per added article.
        var marginal = previous.Size == 0 ? "-" : ((managed - previous.Managed) / (double)(size - previous.Size)).ToString("F0", System.Globalization.CultureInfo.InvariantCulture);
        var indexBytes = engine.EstimateIndexBytes();

        var warmUp = CreateQueries(generator, size, WarmUpMatches, seed: size + queryCount + 1_000_000);
        foreach (var query in warmUp)
        {
            engine.Match(query);
        }

        // Fingerprinting alone, on the same articles, against a document-frequency sketch of the same size: the share of
        // a match spent before the index is touched.
        var queries = CreateQueries(generator, size, queryCount, seed: size);
        var fingerprinter = new FingerprintMeter(engine.Options);
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
        var figures = new SpeedFigures(size, Math.Round(queries.Count / matchCpu.TotalSeconds), Math.Round(indexBytes / (double)size), Math.Round(queries.Count / match.Elapsed.TotalSeconds), queries.Count, 1, Math.Round(managed / (double)size), joined);
        return ($"{size,10} {build.TotalSeconds,8:F1} {buildCpu.TotalSeconds,9:F1} {queries.Count / match.Elapsed.TotalSeconds,8:F0} {queries.Count / matchCpu.TotalSeconds,8:F0} {fingerprintUs,6:F0} {Math.Max(0, matchUs - fingerprintUs),7:F0} {allocated / queries.Count,8} {joined,7} {managed / 1048576.0,10:F1} {managed / (double)size,9:F0} {marginal,14} {indexBytes / (double)size,11:F0} {peak / 1048576.0,8:F0}", managed, figures);
    }

    /// <summary>
    /// The row's round and <paramref name="roundCount"/> − 1 more, each matching a query set of its own (so no round
    /// finds the previous one's candidates in the cache): matches per CPU-second of every round and their median.
    /// </summary>
    private static (string Line, double Median) Rounds(StoryEngine engine, SyntheticArticles generator, long size, int queryCount, int roundCount)
    {
        var perCpuSecond = new List<double>(roundCount);
        for (var round = 0; round < roundCount; round++)
        {
            var queries = CreateQueries(generator, size, queryCount, seed: size + ((round + 1) * 1_000_003L));
            var cpu = CpuTime();
            foreach (var query in queries)
            {
                engine.Match(query);
            }

            perCpuSecond.Add(queries.Count / (CpuTime() - cpu).TotalSeconds);
        }

        var sorted = perCpuSecond.Order().ToList();
        var median = roundCount % 2 == 1 ? sorted[roundCount / 2] : (sorted[(roundCount / 2) - 1] + sorted[roundCount / 2]) / 2;
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        return ($"  {size:N0} stories, {roundCount} rounds of {queryCount:N0} matches: per CPU-second {string.Join(' ', perCpuSecond.Select(r => r.ToString("F0", inv)))}; median {median.ToString("F0", inv)}, lowest {sorted[0].ToString("F0", inv)}, highest {sorted[^1].ToString("F0", inv)}", median);
    }

    /// <summary>In-process A/B of one trick: rounds alternate it on and off (on, off, off, on, …), each with its own queries.</summary>
    private static string AbRounds(StoryEngine engine, SyntheticArticles generator, long size, int queryCount, int pairs, string trick)
    {
        var on = new List<double>(pairs);
        var off = new List<double>(pairs);
        for (var round = 0; round < 2 * pairs; round++)
        {
            var enabled = round % 4 is 0 or 3;
            TrickAb.Set(trick, enabled);
            var queries = CreateQueries(generator, size, queryCount, seed: size + ((round + 101) * 1_000_003L));
            var cpu = CpuTime();
            foreach (var query in queries)
            {
                engine.Match(query);
            }

            (enabled ? on : off).Add(queries.Count / (CpuTime() - cpu).TotalSeconds);
        }

        TrickAb.Set(trick, true);
        static double Median(List<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }

        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var (onMedian, offMedian) = (Median(on), Median(off));
        return string.Create(inv, $"A/B {trick} at {size:N0} stories, {pairs} rounds each of {queryCount:N0} matches: on median {onMedian:F0} ({string.Join(' ', on.Select(r => r.ToString("F0", inv)))}), off median {offMedian:F0} ({string.Join(' ', off.Select(r => r.ToString("F0", inv)))}); on/off {onMedian / offMedian:F3}");
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
