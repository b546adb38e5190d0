namespace FeedWatch.Core.Stories.Index;

/// <summary>
/// Least-recently-used cache of representative texts and shingles, bounded by entry count so memory stays flat at
/// any index size. Hits give exact reuse scores and passages; misses fall back to MinHash estimates.
/// </summary>
public sealed class SourceCache(int capacity)
{
    private readonly Dictionary<int, LinkedListNode<(int Key, CachedSource Value)>> _map = [];
    private readonly LinkedList<(int Key, CachedSource Value)> _order = new();

    public int Count => _map.Count;

    public bool TryGet(int key, out CachedSource value)
    {
        if (_map.TryGetValue(key, out var node))
        {
            _order.Remove(node);
            _order.AddFirst(node);
            value = node.Value.Value;
            return true;
        }

        value = null!;
        return false;
    }

    /// <summary>Reads without refreshing recency (profile building must not change what scoring sees).</summary>
    public CachedSource? Peek(int key) => _map.TryGetValue(key, out var node) ? node.Value.Value : null;

    public void Put(int key, CachedSource value)
    {
        if (capacity <= 0)
        {
            return;
        }

        Remove(key);
        _map[key] = _order.AddFirst((key, value));
        while (_map.Count > capacity)
        {
            var last = _order.Last!;
            _order.RemoveLast();
            _map.Remove(last.Value.Key);
        }
    }

    public void Remove(int key)
    {
        if (_map.Remove(key, out var node))
        {
            _order.Remove(node);
        }
    }
}
