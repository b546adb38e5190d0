namespace FeedWatch.Core.Feeds.Polling;

/// <summary>
/// A repeatable jitter factor in [1 − f, 1 + f] from a hash of the feed key and attempt: spreads feeds apart
/// without randomness, so schedules are reproducible in tests and across restarts.
/// </summary>
public static class DeterministicJitter
{
    public static double Factor(string key, int attempt, double fraction)
    {
        if (fraction <= 0)
        {
            return 1;
        }

        // FNV-1a: tiny, stable across processes and platforms (string.GetHashCode is randomised per process).
        var hash = 14695981039346656037UL;
        foreach (var c in $"{key}#{attempt}")
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        hash ^= hash >> 29;
        hash *= 0xBF58476D1CE4E5B9UL;
        hash ^= hash >> 32;
        var unit = (hash >> 11) * (1.0 / (1UL << 53)); // [0, 1)
        return 1 + (((unit * 2) - 1) * fraction);
    }

    public static TimeSpan Apply(TimeSpan delay, string key, int attempt, double fraction) =>
        TimeSpan.FromTicks((long)(delay.Ticks * Factor(key, attempt, fraction)));
}
