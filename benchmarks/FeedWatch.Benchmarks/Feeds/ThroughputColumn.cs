using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace FeedWatch.Benchmarks.Feeds;

/// <summary>MB/s (input bytes per mean operation time) or feeds/s, next to BenchmarkDotNet's Mean.</summary>
internal sealed class ThroughputColumn(bool perFeed) : IColumn
{
    // Sizes are known only after GlobalSetup, which runs in the benchmark process; the host recomputes them.
    private static readonly ConcurrentDictionary<string, (long Bytes, int Feeds)> Sizes = new();

    public string Id => perFeed ? "FeedsPerSecond" : "MBPerSecond";
    public string ColumnName => perFeed ? "Feeds/s" : "MB/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => perFeed ? "Feeds parsed per second (one core)" : "Input megabytes (10^6 bytes) parsed per second (one core)";

    public static void Register(string method, long bytes, int feeds) => Sizes[method] = (bytes, feeds);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var method = benchmarkCase.Descriptor.WorkloadMethod.Name;
        if (!Sizes.ContainsKey(method))
        {
            new FeedParserBenchmarks().Setup();
        }

        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is not { } stats || !Sizes.TryGetValue(method, out var size))
        {
            return "-";
        }

        var seconds = stats.Mean / 1e9;
        var value = perFeed ? size.Feeds / seconds : size.Bytes / 1e6 / seconds;
        return value.ToString(perFeed ? "N0" : "N1", CultureInfo.InvariantCulture);
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
