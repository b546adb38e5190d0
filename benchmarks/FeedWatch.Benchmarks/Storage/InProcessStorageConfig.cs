using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace FeedWatch.Benchmarks.Storage;

/// <summary>
/// Runs the storage benchmarks in the benchmark process itself (no generated project to build) with a short
/// monitoring job: each invocation already moves hundreds of items through real I/O, so a few iterations suffice.
/// </summary>
public sealed class InProcessStorageConfig : ManualConfig
{
    public InProcessStorageConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(5));
        AddColumn(StatisticColumn.OperationsPerSecond);
    }
}
