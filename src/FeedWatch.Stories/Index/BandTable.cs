using System.Runtime.CompilerServices;

namespace FeedWatch.Stories.Index;

/// <summary>
/// The MinHash-LSH band table: band key → representative slots, as one open-addressing array of 4-byte entries
/// (representative slot and a 6-bit tag of the key) with linear probing. The key itself is not stored: a probe compares
/// tags, and a tag match is confirmed against the representative's own band keys (recomputed from its MinHash, which
/// scoring reads next anyway), so results are exactly those of a table of full keys at half the bytes. Removal leaves a
/// tombstone; the table is rebuilt from the live representatives when tombstones and entries fill it (7/8), at the same
/// size when live entries fill at most 3/4 of it, else twice the size. Values come back highest (newest) slot first.
/// </summary>
internal sealed class BandTable(IBandKeySource source)
{
    private const int MinimumBits = 10;
    private const int TagBits = 6;
    private const uint TagMask = (1u << TagBits) - 1;
    private const uint Empty = 0;
    private const uint Tombstone = 1;

    /// <summary>Largest representative slot an entry can hold (26 bits).</summary>
    public const int MaxSlot = (int)(uint.MaxValue >> TagBits) - 2;

    private uint[] _entries = new uint[1 << MinimumBits];
    private int _bits = MinimumBits;
    private int _used; // entries and tombstones

    /// <summary>Entries held (a removed key's entry can outlive it until the next rebuild, see <see cref="Collect"/>).</summary>
    public int Count { get; private set; }

    public long MemoryBytes => 24 + (_entries.Length * 4L);

    /// <summary>Adds every band key of one representative.</summary>
    public void Add(ReadOnlySpan<uint> keys, int slot)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(slot, MaxSlot);
        if ((long)(_used + keys.Length) * 8 > (long)_entries.Length * 7)
        {
            // Tombstones dominate: rebuild at this size (live entries up to 3/4 of it); else double.
            var bits = _bits;
            while ((long)(Count + keys.Length) * 4 > (1L << bits) * 3)
            {
                bits++;
            }

            Rebuild(bits, skip: slot);
        }

        foreach (var key in keys)
        {
            Insert(key, slot);
        }

        Count += keys.Length;
    }

    /// <summary>Removes every band key of one representative (before its MinHash is overwritten).</summary>
    public void Remove(ReadOnlySpan<uint> keys, int slot)
    {
        foreach (var key in keys)
        {
            var entry = EntryOf(key, slot);
            var mask = _entries.Length - 1;
            for (var e = Home(key); _entries[e] != Empty; e = (e + 1) & mask)
            {
                if (_entries[e] == entry)
                {
                    _entries[e] = Tombstone;
                    Count--;
                    break;
                }
            }
        }
    }

    /// <summary>
    /// Reads the first entry of each key's probe run, in one pass of independent loads, and returns a value made of them
    /// (for the caller to keep, so the reads are not optimised away). The table is many megabytes, so each home entry
    /// is a cache miss; read here back to back, the misses of all the bands overlap instead of each <see cref="Collect"/>
    /// waiting for its own in turn. Changes nothing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public uint Touch(ReadOnlySpan<uint> keys)
    {
        var entries = _entries;
        var sink = 0u;
        foreach (var key in keys)
        {
            sink += entries[Home(key)];
        }

        return sink;
    }

    /// <summary>Appends the key's values to <paramref name="into"/>, highest (newest) slot first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Collect(uint key, List<int> into)
    {
        var start = into.Count;
        var mask = _entries.Length - 1;
        var tag = TagOf(key);
        Span<uint> keys = stackalloc uint[64];
        for (var e = Home(key); _entries[e] != Empty; e = (e + 1) & mask)
        {
            var entry = _entries[e];
            if (entry == Tombstone || (entry & TagMask) != tag)
            {
                continue;
            }

            // Two keys of one representative may share a tag (and a removed key's entry may outlive it when the other
            // one's removal took it): a slot is added once per time its own keys hold this key, however many of its
            // entries the run has.
            var slot = (int)(entry >> TagBits) - 2;
            if (System.Runtime.InteropServices.CollectionsMarshal.AsSpan(into)[start..].Contains(slot))
            {
                continue;
            }

            var own = keys[..source.KeysOf(slot, keys)];
            for (var k = 0; k < own.Length; k++)
            {
                if (own[k] == key)
                {
                    into.Add(slot);
                }
            }
        }

        if (into.Count - start > 1)
        {
            var added = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(into)[start..];
            added.Sort();
            added.Reverse();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(uint key) => (int)(((key | 1u) * 2654435761u) >> (32 - _bits));

    private static uint TagOf(uint key) => (key >> 1) & TagMask;

    private static uint EntryOf(uint key, int slot) => ((uint)(slot + 2) << TagBits) | TagOf(key);

    private void Insert(uint key, int slot)
    {
        var mask = _entries.Length - 1;
        var e = Home(key);
        while (_entries[e] > Tombstone)
        {
            e = (e + 1) & mask;
        }

        if (_entries[e] == Empty)
        {
            _used++;
        }

        _entries[e] = EntryOf(key, slot);
    }

    private void Rebuild(int bits, int skip)
    {
        _bits = bits;
        _entries = new uint[1 << bits];
        _used = 0;
        Count = 0;
        Span<uint> keys = stackalloc uint[64];
        foreach (var slot in source.LiveRepresentatives())
        {
            if (slot == skip)
            {
                continue;
            }

            foreach (var key in keys[..source.KeysOf(slot, keys)])
            {
                Insert(key, slot);
                Count++;
            }
        }
    }
}
