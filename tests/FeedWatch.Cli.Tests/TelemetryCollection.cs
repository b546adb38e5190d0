namespace FeedWatch.Cli.Tests;

/// <summary>
/// Tests that listen to the process-wide FeedWatch sources and meter run alone: spans and counts from another test's
/// pipeline (the demo test runs the same outlets) would otherwise mix into theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry (process-wide listeners)";
}
