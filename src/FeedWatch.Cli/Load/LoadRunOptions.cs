namespace FeedWatch.Cli.Load;

/// <summary>What `feedwatch eval load` runs: how many feeds, cycles and new items per feed per cycle, on which backend.</summary>
public sealed record LoadRunOptions
{
    public int Feeds { get; init; } = 2000;
    public int Cycles { get; init; } = 3;
    public int ItemsPerCycle { get; init; } = 1;

    /// <summary>The embedded store's folder; null for a temporary folder removed afterwards.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>An Azure Storage connection string (a fresh container per run); null for the embedded store.</summary>
    public string? Storage { get; init; }

    /// <summary>Give up (and report what was done) after this long.</summary>
    public TimeSpan Limit { get; init; } = TimeSpan.FromHours(1);
}
