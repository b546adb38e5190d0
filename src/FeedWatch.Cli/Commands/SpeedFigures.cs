namespace FeedWatch.Cli.Commands;

/// <summary>
/// One index size's line of `feedwatch eval speed --json`. <see cref="MatchesPerCpuSecond"/>: Match() calls per CPU-second
/// of the process (the median of the rounds with --rounds); <see cref="IndexBytesPerArticle"/>: the engine's own count of
/// everything that grows with the index, per indexed article; <see cref="ManagedBytesPerArticle"/>: managed heap growth per
/// indexed article (bounded caches and the fixed sketch included).
/// </summary>
internal sealed record SpeedFigures(
    long Indexed,
    double MatchesPerCpuSecond,
    double IndexBytesPerArticle,
    double MatchesPerSecond,
    int Queries,
    int Rounds,
    double ManagedBytesPerArticle,
    int Joined);
