using System.Diagnostics;

namespace FeedWatch.Evaluation.Articles;

/// <summary>
/// Steady-state throughput of a per-page action on the calling thread. Untimed warm-up passes run until two in a
/// row take about the same CPU time (the tiered JIT needs several passes over a corpus before the hot code is
/// fully optimised; one pass is far from enough), then the timed passes run and the fastest is kept. Each pass
/// records the thread's CPU time (the one-core figure, garbage collections triggered by the work included), the
/// whole process's CPU time and the wall clock.
/// </summary>
public static class ThroughputMeter
{
    private const int MinWarmUpPasses = 2;
    private const int MaxWarmUpPasses = 10;
    private const double SteadyTolerance = 0.05;

    public static ThroughputPass Measure(int pages, Action<int> page, int rounds, Action<string, int>? progress = null)
    {
        var previous = TimeSpan.Zero;
        for (var pass = 1; pass <= MaxWarmUpPasses; pass++)
        {
            progress?.Invoke($"warm-up {pass}", 0);
            var warm = Run(pages, page);
            var steady = previous > TimeSpan.Zero && Math.Abs((warm.ThreadCpu - previous).TotalSeconds) <= SteadyTolerance * previous.TotalSeconds;
            if (pass >= MinWarmUpPasses && steady)
            {
                break;
            }

            previous = warm.ThreadCpu;
        }

        ThroughputPass? best = null;
        for (var round = 1; round <= rounds; round++)
        {
            progress?.Invoke("timed", round);
            var pass = Run(pages, page);
            if (best is null || pass.ThreadCpu < best.ThreadCpu)
            {
                best = pass;
            }
        }

        return best!;
    }

    /// <summary>
    /// Several per-page actions measured in turn: each warmed up as in <see cref="Measure"/>, then the timed passes
    /// alternate between them (A, B, C, A, B, C …), so a change in the machine's load hits all of them alike and
    /// their ratio stays meaningful. The fastest pass of each is returned, in the order given.
    /// </summary>
    public static IReadOnlyList<ThroughputPass> MeasureInterleaved(int pages, IReadOnlyList<Action<int>> actions, int rounds, Action<string, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(actions);
        for (var a = 0; a < actions.Count; a++)
        {
            var action = actions[a];
            var previous = TimeSpan.Zero;
            for (var pass = 1; pass <= MaxWarmUpPasses; pass++)
            {
                progress?.Invoke($"warm-up {a + 1}.{pass}", 0);
                var warm = Run(pages, action);
                var steady = previous > TimeSpan.Zero && Math.Abs((warm.ThreadCpu - previous).TotalSeconds) <= SteadyTolerance * previous.TotalSeconds;
                if (pass >= MinWarmUpPasses && steady)
                {
                    break;
                }

                previous = warm.ThreadCpu;
            }
        }

        var best = new ThroughputPass?[actions.Count];
        for (var round = 1; round <= rounds; round++)
        {
            progress?.Invoke("timed", round);
            for (var a = 0; a < actions.Count; a++)
            {
                var pass = Run(pages, actions[a]);
                if (best[a] is null || pass.ThreadCpu < best[a]!.ThreadCpu)
                {
                    best[a] = pass;
                }
            }
        }

        return best.Select(b => b!).ToList();
    }

    private static ThroughputPass Run(int pages, Action<int> page)
    {
        var processBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var threadBefore = ThreadCpuClock.Now();
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < pages; i++)
        {
            page(i);
        }

        stopwatch.Stop();
        var thread = ThreadCpuClock.Now() - threadBefore;
        var process = Process.GetCurrentProcess().TotalProcessorTime - processBefore;
        return new ThroughputPass(pages, stopwatch.Elapsed, thread, process);
    }
}
