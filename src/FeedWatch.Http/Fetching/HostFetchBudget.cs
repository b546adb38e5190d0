namespace FeedWatch.Http.Fetching;

/// <summary>
/// At most <c>limit</c> requests to one host per sliding <c>window</c>: whoever writes a feed cannot aim more than that
/// at a host of their choice, however many items they list. A limit of 0 or less turns the budget off.
/// </summary>
internal sealed class HostFetchBudget(int limit, TimeSpan window, TimeProvider time)
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> spent = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Spends one request on <paramref name="host"/>; false when the window's budget is used up.</summary>
    public bool TrySpend(string host)
    {
        if (limit <= 0)
        {
            return true;
        }

        var now = time.GetUtcNow();
        lock (spent)
        {
            if (!spent.TryGetValue(host, out var times))
            {
                times = new Queue<DateTimeOffset>();
                spent[host] = times;
            }

            while (times.Count > 0 && now - times.Peek() >= window)
            {
                times.Dequeue();
            }

            if (times.Count >= limit)
            {
                return false;
            }

            times.Enqueue(now);
            if (spent.Count > 10_000)
            {
                Prune(now);
            }

            return true;
        }
    }

    // Forget hosts whose window has passed, so the table stays bounded.
    private void Prune(DateTimeOffset now)
    {
        foreach (var host in spent.Where(p => p.Value.Count == 0 || now - p.Value.Last() >= window).Select(p => p.Key).ToList())
        {
            spent.Remove(host);
        }
    }
}
