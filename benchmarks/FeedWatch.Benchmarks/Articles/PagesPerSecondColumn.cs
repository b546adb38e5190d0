using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace FeedWatch.Benchmarks.Articles;

/// <summary>Pages per second on one core: the corpus's page count divided by the mean time of one operation.</summary>
internal sealed class PagesPerSecondColumn : IColumn
{
    public string Id => "PagesPerSecond";
    public string ColumnName => "Pages/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Benchmark pages processed per second on one core (pages / mean)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        summary[benchmarkCase]?.ResultStatistics is { } stats
            ? (BenchmarkCorpus.PageCount / (stats.Mean / 1e9)).ToString("N0", CultureInfo.InvariantCulture)
            : "-";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
