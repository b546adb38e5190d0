using System.Runtime.CompilerServices;

namespace FeedWatch.Core.Stories.Index;

/// <summary>
/// The MinHash-LSH band table: band key → representative slots, as one open-addressing array of (key, value) pairs
/// with linear probing and backward-shift deletion (no tombstones, no per-key lists). Almost every band key belongs to
/// a single representative, so this costs about 11 bytes per posting where a head table plus a chained posting pool
/// cost about 27. Values come back newest first (highest slot first), as the chained map returned them.
/// </summary>
public sealed class BandTable
{
    private const int MinimumBits = 10;
    private uint[] _keys;
    private int[] _values;
    private int _bits;

    public BandTable()
    {
        _bits = MinimumBits;
        _keys = new uint[1 << _bits];
        _values = new int[1 << _bits];
    }

    public int Count { get; private set; }

    public long MemoryBytes => (long)_keys.Length * (sizeof(uint) + sizeof(int));

    public void Add(uint key, int value)
    {
        key |= 1u; // 0 marks an empty slot
        // Up to 7/8 full: linear probing stays within a cache line or three at that load (8-byte entries), and a table
        // half the size is the difference between ~170 and ~340 bytes per representative just after a doubling.
        if ((long)(Count + 1) * 8 > (long)_keys.Length * 7)
        {
            Resize(_bits + 1);
        }

        Insert(key, value);
        Count++;
    }

    public bool Remove(uint key, int value)
    {
        key |= 1u;
        var mask = _keys.Length - 1;
        for (var slot = Home(key); _keys[slot] != 0; slot = (slot + 1) & mask)
        {
            if (_keys[slot] == key && _values[slot] == value)
            {
                Delete(slot);
                Count--;
                return true;
            }
        }

        return false;
    }

    /// <summary>Appends the key's values to <paramref name="into"/>, highest (newest) slot first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Collect(uint key, List<int> into)
    {
        key |= 1u;
        var start = into.Count;
        var mask = _keys.Length - 1;
        for (var slot = Home(key); _keys[slot] != 0; slot = (slot + 1) & mask)
        {
            if (_keys[slot] == key)
            {
                into.Add(_values[slot]);
            }
        }

        if (into.Count - start > 1)
        {
            var added = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(into)[start..];
            added.Sort();
            added.Reverse();
        }
    }

    private int Home(uint key) => (int)((key * 2654435761u) >> (32 - _bits));

    private void Insert(uint key, int value)
    {
        var mask = _keys.Length - 1;
        var slot = Home(key);
        while (_keys[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        _keys[slot] = key;
        _values[slot] = value;
    }

    /// <summary>Backward-shift deletion: later entries of the probe run move up so lookups never stop early.</summary>
    private void Delete(int hole)
    {
        var mask = _keys.Length - 1;
        var next = (hole + 1) & mask;
        while (_keys[next] != 0)
        {
            var home = Home(_keys[next]);
            // The entry at `next` may fill the hole unless its home lies cyclically in (hole, next].
            var homeAfterHole = ((home - hole) & mask) != 0 && ((home - hole) & mask) <= ((next - hole) & mask);
            if (!homeAfterHole)
            {
                _keys[hole] = _keys[next];
                _values[hole] = _values[next];
                hole = next;
            }

            next = (next + 1) & mask;
        }

        _keys[hole] = 0;
        _values[hole] = 0;
    }

    private void Resize(int bits)
    {
        var oldKeys = _keys;
        var oldValues = _values;
        _bits = bits;
        _keys = new uint[1 << bits];
        _values = new int[1 << bits];
        for (var i = 0; i < oldKeys.Length; i++)
        {
            if (oldKeys[i] != 0)
            {
                Insert(oldKeys[i], oldValues[i]);
            }
        }
    }
}
