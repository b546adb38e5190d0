using System.Runtime.CompilerServices;

namespace FeedWatch.Core.Stories.Index;

/// <summary>
/// The index's shared term dictionary: each distinct term id that some stored centroid or posting list holds gets a
/// dense index (0, 1, 2 … reused after release), so a centroid stores a 23-bit index where it stored the 32-bit id and
/// the term postings find a term's list by array position instead of a hash key table. Every holder takes a reference
/// (<see cref="Acquire"/>) and gives it back (<see cref="Release"/>); the entry — and its index — is freed when the
/// last reference goes, so expiring stories free their terms. Id → index is an open-addressing table of indexes (at
/// most 3/4 full) that compares against the index → id array, so a term costs 6 bytes (id and a 16-bit reference
/// count; the few terms held more than 65,534 times keep their count in a side table) plus its table share.
/// Not thread-safe.
/// </summary>
public sealed class TermDictionary
{
    /// <summary>Indexes fit in 23 bits (the centroid word keeps the kind bit and the weight code beside them).</summary>
    public const int MaxTerms = 1 << 23;

    private const int MinimumTableSize = 1024;
    private const int NoFree = -1;
    private readonly PagedArray<uint> _terms = new(); // id of a live entry; next free index of a released one
    private const ushort Saturated = ushort.MaxValue;
    private readonly PagedArray<ushort> _references = new();
    private readonly Dictionary<int, int> _manyReferences = []; // index → count, for counts of Saturated and more
    private int[] _table = new int[MinimumTableSize]; // index + 1; 0 = empty
    private int _mask = MinimumTableSize - 1;
    private int _shift = 32 - 10;
    private int _freeHead = NoFree;

    /// <summary>Live entries.</summary>
    public int Count { get; private set; }

    /// <summary>One past the highest index ever handed out (bounds index-addressed arrays of the holders).</summary>
    public int Capacity { get; private set; }

    /// <summary>Bytes of the id and reference arrays and of the table, free room included.</summary>
    public long MemoryBytes => _terms.MemoryBytes + _references.MemoryBytes + 24 + (_table.Length * 4L) + (_manyReferences.Count * 24L);

    /// <summary>The dense index of <paramref name="term"/>, or -1 when no holder has it (it then cannot match anything stored).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(uint term)
    {
        var table = _table;
        var mask = _mask;
        for (var e = Home(term, _shift); table[e] != 0; e = (e + 1) & mask)
        {
            var index = table[e] - 1;
            if (_terms[index] == term)
            {
                return index;
            }
        }

        return -1;
    }

    /// <summary>The dense index of <paramref name="term"/> with one more reference (a new entry when it had none).</summary>
    public int Acquire(uint term)
    {
        var mask = _mask;
        var e = Home(term, _shift);
        for (; _table[e] != 0; e = (e + 1) & mask)
        {
            var known = _table[e] - 1;
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
        _table[e] = index + 1;
        Count++;
        if (Count * 4 > _table.Length * 3)
        {
            Resize(_table.Length * 2);
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
        var e = Home(term, _shift);
        while (_table[e] != index + 1)
        {
            e = (e + 1) & _mask;
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

    // Fibonacci hashing: the top bits of the product depend on every bit of the id.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Home(uint term, int shift) => (int)((term * 2654435761u) >> shift);

    // Backward-shift deletion: no tombstones, so look-ups of absent terms (most of an article's) stop at the first gap.
    private void Delete(int hole)
    {
        var next = (hole + 1) & _mask;
        while (_table[next] != 0)
        {
            var home = Home(_terms[_table[next] - 1], _shift);
            var homeAfterHole = ((home - hole) & _mask) != 0 && ((home - hole) & _mask) <= ((next - hole) & _mask);
            if (!homeAfterHole)
            {
                _table[hole] = _table[next];
                hole = next;
            }

            next = (next + 1) & _mask;
        }

        _table[hole] = 0;
    }

    private void Resize(int size)
    {
        var old = _table;
        _table = new int[size];
        _mask = size - 1;
        _shift = 32 - System.Numerics.BitOperations.Log2((uint)size);
        foreach (var entry in old)
        {
            if (entry != 0)
            {
                var e = Home(_terms[entry - 1], _shift);
                while (_table[e] != 0)
                {
                    e = (e + 1) & _mask;
                }

                _table[e] = entry;
            }
        }
    }
}
