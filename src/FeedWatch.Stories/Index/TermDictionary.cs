using System.Runtime.CompilerServices;

namespace FeedWatch.Stories.Index;

/// <summary>
/// The index's shared term dictionary: each distinct term id that some stored centroid or posting list holds gets a
/// dense index (0, 1, 2 … reused after release), so a centroid stores a 23-bit index where it stored the 32-bit id and
/// the term postings find a term's list by array position instead of a hash key table. Every holder takes a reference
/// (<see cref="Acquire"/>) and gives it back (<see cref="Release"/>); the entry — and its index — is freed when the
/// last reference goes, so expiring stories free their terms. Id → index is an open-addressing table of indexes (at
/// most 3/4 full, 3 bytes a slot, grown in ×1.5 steps so it is on average fuller than a power-of-two table) that compares against the index → id array, so a term costs 6 bytes (id and a 16-bit reference
/// count; the few terms held more than 65,534 times keep their count in a side table) plus its table share.
/// Not thread-safe.
/// </summary>
internal sealed class TermDictionary
{
    /// <summary>Indexes fit in 23 bits (the centroid word keeps the kind bit and the weight code beside them).</summary>
    public const int MaxTerms = 1 << 23;

    private const int MinimumTableSize = 1024;
    private const int NoFree = -1;
    private const int SlotBytes = 3;
    private readonly PagedArray<uint> _terms = new(); // id of a live entry; next free index of a released one
    private const ushort Saturated = ushort.MaxValue;
    private readonly PagedArray<ushort> _references = new();
    private readonly Dictionary<int, int> _manyReferences = []; // index → count, for counts of Saturated and more
    private byte[] _table = new byte[MinimumTableSize * SlotBytes]; // 3 bytes a slot: index + 1 (at most 2^23); 0 = empty
    private int _size = MinimumTableSize; // any size: homes come from a multiply-high range reduction, not a mask
    private int _freeHead = NoFree;
    private int _touchSink; // keeps FindAll's touching reads from being optimised away

    /// <summary>Live entries.</summary>
    public int Count { get; private set; }

    /// <summary>One past the highest index ever handed out (bounds index-addressed arrays of the holders).</summary>
    public int Capacity { get; private set; }

    /// <summary>Slots of the id → index table (grows ×1.5 once it would be more than 3/4 full).</summary>
    public int TableSlots => _size;

    /// <summary>Bytes of the id and reference arrays and of the table, free room included.</summary>
    public long MemoryBytes => _terms.MemoryBytes + _references.MemoryBytes + 24 + _table.Length + (_manyReferences.Count * 24L);

    /// <summary>The dense index of <paramref name="term"/>, or -1 when no holder has it (it then cannot match anything stored).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(uint term) => FindFrom(term, Home(term, _size));

    /// <summary>The probe of <see cref="Find"/>, from the term's home slot (which <see cref="FindAll"/> has computed already).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FindFrom(uint term, int home)
    {
        var table = _table;
        var size = _size;
        for (var e = home; Slot(table, e) is var entry && entry != 0; e = Next(e, size))
        {
            var index = entry - 1;
            if (_terms[index] == term)
            {
                return index;
            }
        }

        return -1;
    }

    /// <summary>
    /// <see cref="Find"/> of every term at once: <paramref name="indexes"/>[i] is the index of <paramref name="terms"/>[i]
    /// or -1. A look-up reads the table slot at the term's home and the id of the entry there, two cache misses into
    /// megabytes once the index is large, and one look-up at a time waits for both in turn (its branch depends on the
    /// id read). So the home slots of all the terms are read first in one pass of independent loads, then the ids of
    /// the entries there (the slots are cached by then), and only then the look-ups themselves, which mostly find
    /// everything in cache. Results are exactly those of <see cref="Find"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void FindAll(ReadOnlySpan<uint> terms, Span<int> indexes)
    {
        if (indexes.Length < terms.Length)
        {
            throw new ArgumentException("One index per term is needed.", nameof(indexes));
        }

        var table = _table;
        var size = _size;
        var homes = terms.Length <= 512 ? stackalloc int[terms.Length] : new int[terms.Length];
        var sink = 0;
        for (var i = 0; i < terms.Length; i++)
        {
            var home = Home(terms[i], size);
            homes[i] = home;
            sink += table[home * SlotBytes];
        }

        for (var i = 0; i < terms.Length; i++)
        {
            // Only the home entry's id: a term that is held sits at its home or next to it (1.2 probes on average at
            // 100,000 synthetic stories), while walking whole runs read ~8 ids a term (runs at 70 % full are long).
            if (Slot(table, homes[i]) is var entry && entry != 0)
            {
                sink += (int)_terms[entry - 1];
            }
        }

        for (var i = 0; i < terms.Length; i++)
        {
            indexes[i] = FindFrom(terms[i], homes[i]);
        }

        _touchSink = sink;
    }

    /// <summary>The dense index of <paramref name="term"/> with one more reference (a new entry when it had none).</summary>
    public int Acquire(uint term)
    {
        var size = _size;
        var e = Home(term, size);
        for (; Slot(_table, e) is var entry && entry != 0; e = Next(e, size))
        {
            var known = entry - 1;
            if (_terms[known] == term)
            {
                AddReference(known);
                return known;
            }
        }

        int index;
        if (_freeHead != NoFree)
        {
            index = _freeHead;
            _freeHead = (int)_terms[index];
        }
        else
        {
            if (Capacity >= MaxTerms)
            {
                throw new InvalidOperationException($"The story index holds {MaxTerms:N0} distinct centroid terms, its maximum; expire stories (a shorter active window) or run more engines.");
            }

            index = Capacity++;
            _terms.EnsureCapacity(index);
            _references.EnsureCapacity(index);
        }

        _terms[index] = term;
        _references[index] = 1;
        SetSlot(e, index + 1);
        Count++;
        if (Count * 4L > _size * 3L)
        {
            // ×1.5, not ×2: right after growing the table is half full instead of 3/8, so at any size it holds less
            // free room (the measured 100k index: 45 % full with ×2 steps).
            Resize(_size + (_size / 2));
        }

        return index;
    }

    /// <summary>Gives back one reference; the entry and its index are freed with the last one.</summary>
    public void Release(int index)
    {
        if ((uint)index >= (uint)Capacity || _references[index] == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "No live term dictionary entry has this index.");
        }

        if (_references[index] == Saturated)
        {
            var left = --_manyReferences[index];
            if (left < Saturated)
            {
                _manyReferences.Remove(index);
                _references[index] = (ushort)left;
            }

            return;
        }

        if (--_references[index] > 0)
        {
            return;
        }

        var term = _terms[index];
        var e = Home(term, _size);
        while (Slot(_table, e) != index + 1)
        {
            e = Next(e, _size);
        }

        Delete(e);
        _terms[index] = (uint)_freeHead;
        _freeHead = index;
        Count--;
    }

    /// <summary>The term id of a live index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint TermOf(int index) => _terms[index];

    /// <summary>References a live index holds (0 for a free one).</summary>
    public int ReferencesOf(int index) =>
        (uint)index >= (uint)Capacity ? 0 : _references[index] == Saturated ? _manyReferences[index] : _references[index];

    private void AddReference(int index)
    {
        var count = _references[index];
        if (count == Saturated)
        {
            _manyReferences[index]++;
        }
        else if (count == Saturated - 1)
        {
            _references[index] = Saturated;
            _manyReferences[index] = Saturated;
        }
        else
        {
            _references[index] = (ushort)(count + 1);
        }
    }

    // Fibonacci hashing: the top bits of the product depend on every bit of the id; multiplying the scrambled value by
    // the table size and keeping the high word maps it onto [0, size) from those top bits, for any size (for a power of
    // two it is the same as shifting them down).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Home(uint term, int size) => (int)(((ulong)(term * 2654435761u) * (uint)size) >> 32);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Next(int e, int size) => ++e == size ? 0 : e;

    // Forward distance from `from` to `to` around the table.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Distance(int from, int to, int size) => to >= from ? to - from : to - from + size;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Slot(byte[] table, int e)
    {
        var at = e * SlotBytes;
        return table[at] | (table[at + 1] << 8) | (table[at + 2] << 16);
    }

    private void SetSlot(int e, int value)
    {
        var at = e * SlotBytes;
        _table[at] = (byte)value;
        _table[at + 1] = (byte)(value >> 8);
        _table[at + 2] = (byte)(value >> 16);
    }

    // Backward-shift deletion: no tombstones, so look-ups of absent terms (most of an article's) stop at the first gap.
    private void Delete(int hole)
    {
        var next = Next(hole, _size);
        while (Slot(_table, next) is var moving && moving != 0)
        {
            var home = Home(_terms[moving - 1], _size);
            var homeAfterHole = Distance(hole, home, _size) is var d && d != 0 && d <= Distance(hole, next, _size);
            if (!homeAfterHole)
            {
                SetSlot(hole, moving);
                hole = next;
            }

            next = Next(next, _size);
        }

        SetSlot(hole, 0);
    }

    private void Resize(int size)
    {
        var old = _table;
        _table = new byte[size * SlotBytes];
        _size = size;
        for (var at = 0; at < old.Length; at += SlotBytes)
        {
            var entry = Slot(old, at / SlotBytes);
            if (entry != 0)
            {
                var e = Home(_terms[entry - 1], size);
                while (Slot(_table, e) != 0)
                {
                    e = Next(e, size);
                }

                SetSlot(e, entry);
            }
        }
    }
}
