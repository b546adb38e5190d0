using System.Runtime.CompilerServices;

namespace FeedWatch.Core.Stories.Index;

/// <summary>
/// uint key → list of int values in flat arrays (open addressing for heads, one shared pool of chained postings),
/// about 20 bytes per posting instead of the ~60 a Dictionary of Lists costs. Removal tombstones a posting; the pool
/// is compacted when tombstones outnumber live postings (re-indexed and expired stories would otherwise grow it for
/// ever in a long-running engine). Newest postings are visited first.
/// </summary>
public sealed class PostingMultiMap
{
    private uint[] _keys;
    private int[] _heads;
    private int[] _values;
    private int[] _next;
    private int _keyCount;
    private int _poolCount;
    private const int CompactionFloor = 4096;
    private int _compactedSize;

    public PostingMultiMap(int capacity = 1024)
    {
        var size = 16;
        while (size < capacity * 2)
        {
            size <<= 1;
        }

        _keys = new uint[size];
        _heads = new int[size];
        _values = new int[Math.Max(16, capacity)];
        _next = new int[Math.Max(16, capacity)];
    }

    public int LivePostings => _poolCount - DeadPostings;

    public int DeadPostings { get; private set; }

    public long MemoryBytes => ((long)_keys.Length * 8) + ((long)_values.Length * 8);

    public void Add(uint key, int value)
    {
        key |= 1u; // 0 marks an empty slot
        if (_keyCount * 10 >= _keys.Length * 7)
        {
            GrowTable();
        }

        var slot = FindSlot(key);
        if (_keys[slot] == 0)
        {
            _keys[slot] = key;
            _heads[slot] = -1;
            _keyCount++;
        }

        // Compact when tombstones dominate, and whenever the pool has doubled since the last compaction: compaction
        // also lays each key's postings out contiguously, so reading a long list streams memory instead of chasing
        // a pointer per posting across the whole pool (amortised O(1) per Add).
        if ((DeadPostings > CompactionFloor && DeadPostings > LivePostings) || _poolCount >= Math.Max(CompactionFloor, 2 * _compactedSize))
        {
            Compact();
        }

        if (_poolCount == _values.Length)
        {
            Array.Resize(ref _values, _values.Length * 2);
            Array.Resize(ref _next, _next.Length * 2);
        }

        _values[_poolCount] = value;
        _next[_poolCount] = _heads[slot];
        _heads[slot] = _poolCount++;
    }

    public bool Remove(uint key, int value)
    {
        var slot = FindSlot(key | 1u);
        if (_keys[slot] == 0)
        {
            return false;
        }

        for (var p = _heads[slot]; p >= 0; p = _next[p])
        {
            if (_values[p] == value)
            {
                _values[p] = -1;
                DeadPostings++;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Visits up to <paramref name="limit"/> live values of the key. Returns false (having visited nothing) when the
    /// key has more postings than that: such a key is too common to tell candidates apart.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryCollect(uint key, int limit, List<int> into)
    {
        var slot = FindSlot(key | 1u);
        if (_keys[slot] == 0)
        {
            return true;
        }

        var start = into.Count;
        var seen = 0;
        for (var p = _heads[slot]; p >= 0; p = _next[p])
        {
            if (_values[p] < 0)
            {
                continue;
            }

            if (++seen > limit)
            {
                into.RemoveRange(start, into.Count - start);
                return false;
            }

            into.Add(_values[p]);
        }

        return true;
    }

    /// <summary>Drops tombstones: each key's live postings are re-chained in the same (newest-first) order.</summary>
    private void Compact()
    {
        var live = LivePostings;
        var values = new int[Math.Max(16, live + (live / 2))];
        var next = new int[values.Length];
        var count = 0;
        var chain = new List<int>();
        for (var slot = 0; slot < _keys.Length; slot++)
        {
            if (_keys[slot] == 0)
            {
                continue;
            }

            chain.Clear();
            for (var p = _heads[slot]; p >= 0; p = _next[p])
            {
                if (_values[p] >= 0)
                {
                    chain.Add(_values[p]);
                }
            }

            var head = -1;
            for (var k = chain.Count - 1; k >= 0; k--)
            {
                values[count] = chain[k];
                next[count] = head;
                head = count++;
            }

            _heads[slot] = head;
        }

        _values = values;
        _next = next;
        _poolCount = count;
        _compactedSize = count;
        DeadPostings = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FindSlot(uint key)
    {
        var mask = _keys.Length - 1;
        var slot = (int)((key * 2654435761u) >> 1) & mask;
        while (_keys[slot] != 0 && _keys[slot] != key)
        {
            slot = (slot + 1) & mask;
        }

        return slot;
    }

    private void GrowTable()
    {
        var oldKeys = _keys;
        var oldHeads = _heads;
        _keys = new uint[oldKeys.Length * 2];
        _heads = new int[oldKeys.Length * 2];
        for (var i = 0; i < oldKeys.Length; i++)
        {
            if (oldKeys[i] != 0)
            {
                var slot = FindSlot(oldKeys[i]);
                _keys[slot] = oldKeys[i];
                _heads[slot] = oldHeads[i];
            }
        }
    }
}
