namespace FeedWatch.Stories.Index;

/// <summary>
/// The texts and exact shingles of the representatives that joined within the last <c>window</c> articles added to the
/// engine (by article sequence number), so memory stays flat at any index size. Hits give exact reuse scores and
/// passages; misses fall back to MinHash estimates.
/// </summary>
/// <remarks>
/// What is cached is a function of the persisted profiles alone — each representative's sequence number and the
/// engine's — never of which stories happened to be scored: reads do not refresh anything. An engine rebuilt from the
/// profiles after a crash therefore caches exactly the representatives the running engine had cached and scores every
/// candidate the same way (an LRU cache made decisions depend on the match history, which a restart cannot restore).
/// A representative never comes back once it has left (the window only moves forward), so the running engine never
/// needs a text it no longer holds.
/// </remarks>
internal sealed class SourceCache(int window)
{
    private readonly Dictionary<int, (long AddedAt, CachedSource Value)> _map = [];
    private readonly SortedSet<(long AddedAt, int Key)> _byAge = [];
    private long _sequence;

    public int Count => _map.Count;

    /// <summary>Articles the window spans; also the most entries it can hold (an article adds at most one representative).</summary>
    public int Window => window;

    /// <summary>The representative's source, if it joined within the window (reading changes nothing).</summary>
    public CachedSource? Peek(int key) => _map.TryGetValue(key, out var entry) ? entry.Value : null;

    /// <summary>The article sequence number at which a cached representative joined, or null when it is not cached.</summary>
    public long? AddedAtOf(int key) => _map.TryGetValue(key, out var entry) ? entry.AddedAt : null;

    /// <summary>Whether a representative that joined at <paramref name="addedAt"/> is inside the window now.</summary>
    public bool Holds(long addedAt) => window > 0 && addedAt > _sequence - window;

    /// <summary>Caches a representative that joined at article sequence <paramref name="addedAt"/>, if that is inside the window.</summary>
    public void Put(int key, CachedSource value, long addedAt)
    {
        Remove(key);
        if (!Holds(addedAt))
        {
            return;
        }

        _map[key] = (addedAt, value);
        _byAge.Add((addedAt, key));
        // Sequence numbers of live representatives are distinct, so the window alone bounds the count; the cap is a
        // safety net for callers that reuse one (the oldest, then the lowest key, goes first: deterministic).
        while (_map.Count > window)
        {
            Evict(_byAge.Min);
        }
    }

    /// <summary>The engine's article sequence number moved to <paramref name="sequence"/>: drops what left the window.</summary>
    public void Advance(long sequence)
    {
        _sequence = Math.Max(_sequence, sequence);
        while (_byAge.Count > 0 && !Holds(_byAge.Min.AddedAt))
        {
            Evict(_byAge.Min);
        }
    }

    public void Remove(int key)
    {
        if (_map.Remove(key, out var entry))
        {
            _byAge.Remove((entry.AddedAt, key));
        }
    }

    private void Evict((long AddedAt, int Key) oldest)
    {
        _byAge.Remove(oldest);
        _map.Remove(oldest.Key);
    }
}
