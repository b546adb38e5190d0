namespace FeedWatch.Hosting.Workers;

/// <summary>The local host's queue workers and timer, bound from "FeedWatch:Workers".</summary>
public sealed class WorkerOptions
{
    public const string SectionName = "FeedWatch:Workers";

    /// <summary>How often the schedule stage runs (it only enqueues feeds that are due).</summary>
    public TimeSpan ScheduleInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Most messages one receive asks for; a worker never asks for more than it has free handling slots.</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>How long a received message stays hidden while it is handled; a crash makes it visible again after this.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Wait between empty receives, doubling up to <see cref="MaxIdleDelay"/>.</summary>
    public TimeSpan IdleDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxIdleDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>First retry delay after a failure; doubles with each dequeue (bounded by <see cref="VisibilityTimeout"/>).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public int PollConcurrency { get; set; } = 4;
    public int FetchConcurrency { get; set; } = 4;

    /// <summary>One classifier by default: matching in arrival order keeps story membership deterministic.</summary>
    public int ClassifyConcurrency { get; set; } = 1;

    public int DeliverConcurrency { get; set; } = 2;
}
