using BenchmarkDotNet.Configs;

namespace FeedWatch.Benchmarks.Articles;

internal sealed class ArticleThroughputConfig : ManualConfig
{
    public ArticleThroughputConfig() => AddColumn(new PagesPerSecondColumn());
}
