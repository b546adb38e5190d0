namespace FeedWatch.Core.Pipeline.Fetching.Politeness;

/// <summary>
/// When each host may next be fetched. A request that comes too soon reserves the next free slot, so a backlog
/// of messages for one host is spread one interval apart instead of all coming back at the same moment.
/// In-process state: with several workers (Functions scale-out) each instance spaces its own requests, which is
/// still bounded by the HTTP fetcher's per-host concurrency. Thread-safe.
/// </summary>
public sealed class HostCrawlLedger(int maxHosts = 50_000)
{
    private readonly Dictionary<string, DateTimeOffset> nextFree = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock gate = new();

    /// <summary>
    /// Claims a slot for <paramref name="host"/>: now when the host is free (the next request then waits
    /// <paramref name="interval"/>), else the next free slot if it is at most <paramref name="maxWait"/> away, else
    /// no slot (come back after <paramref name="maxWait"/> and ask again).
    /// </summary>
    public CrawlSlot Reserve(string host, TimeSpan interval, DateTimeOffset now, TimeSpan maxWait)
    {
        lock (gate)
        {
            if (!nextFree.TryGetValue(host, out var free) || free <= now)
            {
                Forget(now);
                nextFree[host] = now + interval;
                return CrawlSlot.Now;
            }

            var wait = free - now;
            if (wait > maxWait)
            {
                return new CrawlSlot(maxWait, null);
            }

            nextFree[host] = free + interval;
            return new CrawlSlot(wait, free);
        }
    }

    private void Forget(DateTimeOffset now)
    {
        if (nextFree.Count < maxHosts)
        {
            return;
        }

        foreach (var passed in nextFree.Where(e => e.Value <= now).Select(e => e.Key).ToList())
        {
            nextFree.Remove(passed);
        }

        if (nextFree.Count >= maxHosts)
        {
            nextFree.Remove(nextFree.MinBy(e => e.Value).Key);
        }
    }
}
