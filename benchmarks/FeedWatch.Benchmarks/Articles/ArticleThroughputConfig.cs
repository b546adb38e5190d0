using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace FeedWatch.Benchmarks.Articles;

/// <summary>
/// In the benchmark process itself (on the shared machine generating and building a benchmark project exceeds
/// BenchmarkDotNet's build timeout), with enough warm-up operations for the tiered JIT to finish optimising the
/// hot code (about five passes over the corpus; each operation is one pass).
/// </summary>
internal sealed class ArticleThroughputConfig : ManualConfig
{
    public ArticleThroughputConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(8)
            .WithIterationCount(12));
        AddColumn(new PagesPerSecondColumn());
    }
}
