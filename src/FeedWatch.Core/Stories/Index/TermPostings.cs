using System.Runtime.CompilerServices;

namespace FeedWatch.Core.Stories.Index;

/// <summary>
/// Term → story slots for topic retrieval. Each term's postings are one contiguous block in shared pages (4 bytes a
/// posting; block lengths come in classes 1, 2, 3, 4, 6, 10, 16, 24 … (about ×1.5; most terms have a few postings), a list
/// grows by moving into the next class and shrinks into the previous one when it falls to the class before that, and
/// a freed block is reused by the next list of its class), instead of a pool of chained (value, next) pairs with tombstones: half the bytes
/// per posting, no compaction passes, and reading a list is one sequential stream. Lists longer than a page (a term
/// tens of thousands of stories share, far past the retrieval cap) live in their own arrays. Values come back in no
/// particular order: retrieval sums each story's weights term by term and ranks stories by (sum, slot), so the order
/// of a list never changes a result.
/// </summary>
public sealed class TermPostings
{
    private const int PageBits = 16;
    private const int PageSize = 1 << PageBits;
    private const int LargeClass = 31;
    private static readonly int[] Sizes = BuildSizes();
    private static readonly int MaxClass = Sizes.Length - 1;
    private const int CountBits = 24;
    private const int CountMask = (1 << CountBits) - 1;
    private readonly List<int[]> _pages = [];
    private readonly int[] _freeHeads = new int[Sizes.Length];
    private readonly Dictionary<uint, List<int>> _large = [];
    private int _pageUsed = PageSize;
    private uint[] _keys = new uint[1024];
    private int[] _blocks = new int[1024];
    private int[] _counts = new int[1024]; // class << 24 | count
    private int _keyCount;

    public TermPostings()
    {
        Array.Fill(_freeHeads, -1);
    }

    public long Postings { get; private set; }

    public int Keys => _keyCount;

    public long MemoryBytes => BlockBytes + KeyTableBytes;

    /// <summary>Bytes of the posting pages (free blocks included) and of the lists too long for a page.</summary>
    public long BlockBytes => (_pages.Count * ((PageSize * 4L) + 24)) + _large.Sum(l => 64 + (l.Value.Capacity * 4L));

    /// <summary>Bytes of the key table (key, block, count per entry, at most 7/10 full).</summary>
    public long KeyTableBytes => (_keys.Length * 12L) + 72;

    public void Add(uint key, int value)
    {
        key |= 1u; // 0 marks an empty entry
        if ((_keyCount + 1) * 10 > _keys.Length * 7)
        {
            Grow();
        }

        var e = Find(key);
        if (_keys[e] == 0)
        {
            _keys[e] = key;
            _blocks[e] = Allocate(0);
            _counts[e] = 0;
            _keyCount++;
        }

        var count = _counts[e] & CountMask;
        var cls = _counts[e] >>> CountBits;
        if (cls == LargeClass)
        {
            _large[key].Add(value);
        }
        else
        {
            if (count == Sizes[cls])
            {
                // Full: move into a block of the next class (or out of the pages).
                var old = _blocks[e];
                if (cls + 1 > MaxClass)
                {
                    _large[key] = [.. Block(old, count)];
                    _large[key].Add(value);
                    Free(old, cls);
                    _counts[e] = (LargeClass << CountBits) | (count + 1);
                    Postings++;
                    return;
                }

                var moved = Allocate(cls + 1);
                Block(old, count).CopyTo(Block(moved, count));
                Free(old, cls);
                _blocks[e] = moved;
                cls++;
            }

            Block(_blocks[e], count + 1)[count] = value;
        }

        _counts[e] = (cls << CountBits) | (count + 1);
        Postings++;
    }

    public bool Remove(uint key, int value)
    {
        key |= 1u;
        var e = Find(key);
        if (_keys[e] == 0)
        {
            return false;
        }

        var count = _counts[e] & CountMask;
        var cls = _counts[e] >>> CountBits;
        if (cls == LargeClass)
        {
            var list = _large[key];
            var at = list.IndexOf(value);
            if (at < 0)
            {
                return false;
            }

            list[at] = list[^1];
            list.RemoveAt(list.Count - 1);
        }
        else
        {
            var block = Block(_blocks[e], count);
            var at = block.IndexOf(value);
            if (at < 0)
            {
                return false;
            }

            block[at] = block[count - 1];
        }

        Postings--;
        count--;
        if (count == 0)
        {
            if (cls == LargeClass)
            {
                _large.Remove(key);
            }
            else
            {
                Free(_blocks[e], cls);
            }

            DeleteEntry(e);
            _keyCount--;
            return true;
        }

        if (cls != LargeClass && cls >= 2 && count <= Sizes[cls - 2])
        {
            // Shrink by one class (hysteresis of one more) so a list that lost most of its stories does not keep its largest block.
            var moved = Allocate(cls - 1);
            Block(_blocks[e], count).CopyTo(Block(moved, count));
            Free(_blocks[e], cls);
            _blocks[e] = moved;
            cls--;
        }

        _counts[e] = (cls << CountBits) | count;
        return true;
    }

    /// <summary>Number of postings of the key.</summary>
    public int CountOf(uint key)
    {
        var e = Find(key | 1u);
        return _keys[e] == 0 ? 0 : _counts[e] & CountMask;
    }

    /// <summary>
    /// Appends the key's values to <paramref name="into"/>. Returns false (having added nothing) when the key has more
    /// than <paramref name="limit"/> postings: such a term is too common to tell candidates apart.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryCollect(uint key, int limit, List<int> into)
    {
        key |= 1u;
        var e = Find(key);
        if (_keys[e] == 0)
        {
            return true;
        }

        var count = _counts[e] & CountMask;
        if (count > limit)
        {
            return false;
        }

        var cls = _counts[e] >>> CountBits;
        if (cls == LargeClass)
        {
            into.AddRange(_large[key]);
        }
        else
        {
            into.AddRange(Block(_blocks[e], count));
        }

        return true;
    }

    /// <summary>1, 2, 3, 4, then ×1.5 (rounded up to even) up to a page.</summary>
    private static int[] BuildSizes()
    {
        var sizes = new List<int> { 1, 2, 3, 4 };
        while (sizes[^1] < PageSize)
        {
            var next = ((sizes[^1] * 3 / 2) + 1) & ~1;
            sizes.Add(Math.Min(PageSize, next));
        }

        return [.. sizes];
    }

    private Span<int> Block(int block, int count) => _pages[block >>> PageBits].AsSpan(block & (PageSize - 1), count);

    private int Allocate(int cls)
    {
        var head = _freeHeads[cls];
        if (head >= 0)
        {
            _freeHeads[cls] = Block(head, 1)[0];
            return head;
        }

        var size = Sizes[cls];
        if (_pageUsed + size > PageSize)
        {
            // The rest of the page is cut into free blocks of the largest classes that fit, so nothing is lost.
            while (_pages.Count > 0 && _pageUsed < PageSize)
            {
                var rest = PageSize - _pageUsed;
                var c = MaxClass;
                while (Sizes[c] > rest)
                {
                    c--;
                }

                Free(((_pages.Count - 1) << PageBits) | _pageUsed, c);
                _pageUsed += Sizes[c];
            }

            _pages.Add(new int[PageSize]);
            _pageUsed = 0;
        }

        var allocated = ((_pages.Count - 1) << PageBits) | _pageUsed;
        _pageUsed += size;
        return allocated;
    }

    private void Free(int block, int cls)
    {
        Block(block, 1)[0] = _freeHeads[cls];
        _freeHeads[cls] = block;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Find(uint key)
    {
        var mask = _keys.Length - 1;
        var e = (int)((key * 2654435761u) >> 1) & mask;
        while (_keys[e] != 0 && _keys[e] != key)
        {
            e = (e + 1) & mask;
        }

        return e;
    }

    private int Home(uint key) => (int)((key * 2654435761u) >> 1) & (_keys.Length - 1);

    private void DeleteEntry(int hole)
    {
        var mask = _keys.Length - 1;
        var next = (hole + 1) & mask;
        while (_keys[next] != 0)
        {
            var home = Home(_keys[next]);
            var homeAfterHole = ((home - hole) & mask) != 0 && ((home - hole) & mask) <= ((next - hole) & mask);
            if (!homeAfterHole)
            {
                _keys[hole] = _keys[next];
                _blocks[hole] = _blocks[next];
                _counts[hole] = _counts[next];
                hole = next;
            }

            next = (next + 1) & mask;
        }

        _keys[hole] = 0;
    }

    private void Grow()
    {
        var (keys, blocks, counts) = (_keys, _blocks, _counts);
        _keys = new uint[keys.Length * 2];
        _blocks = new int[keys.Length * 2];
        _counts = new int[keys.Length * 2];
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] != 0)
            {
                var e = Find(keys[i]);
                _keys[e] = keys[i];
                _blocks[e] = blocks[i];
                _counts[e] = counts[i];
            }
        }
    }
}
