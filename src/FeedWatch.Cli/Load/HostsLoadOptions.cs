namespace FeedWatch.Cli.Load;

/// <summary>What `feedwatch eval load --hosts N` runs: which corpus (and how much of it), how many hosts, on which backend.</summary>
public sealed record HostsLoadOptions
{
    public required string Corpus { get; init; }
    public int Hosts { get; init; } = 3;

    /// <summary>Only the corpus's first articles (0 = all of them).</summary>
    public int Articles { get; init; }

    /// <summary>An Azure Storage connection string (a fresh container per run); null for fresh embedded data folders.</summary>
    public string? Storage { get; init; }

    /// <summary>Give up on a run after this long.</summary>
    public TimeSpan Limit { get; init; } = TimeSpan.FromMinutes(20);
}
