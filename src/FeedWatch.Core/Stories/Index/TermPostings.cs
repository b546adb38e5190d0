using System.Runtime.CompilerServices;

namespace FeedWatch.Core.Stories.Index;

/// <summary>
/// Term → story slots for topic retrieval. A term's list head (block and count) sits at the term's index in the
/// <see cref="TermDictionary"/> (8 bytes a dictionary entry, no hash key table); each list holds one dictionary
/// reference, so a term keeps its index while it has postings. Each term's postings are one contiguous block in shared pages (4 bytes a
/// posting; block lengths come in classes 1, 2, 3, 4, 6, 10, 16, 24 … (about ×1.5; most terms have a few postings), a list
/// grows by moving into the next class and shrinks into the previous one when it falls to the class before that, and
/// a freed block is reused by the next list of its class), instead of a pool of chained (value, next) pairs with tombstones: half the bytes
/// per posting, no compaction passes, and reading a list is one sequential stream. Lists longer than a page (a term
/// tens of thousands of stories share, far past the retrieval cap) live in their own arrays. Values come back in no
/// particular order: retrieval sums each story's weights term by term and ranks stories by (sum, slot), so the order
/// of a list never changes a result.
/// </summary>
public sealed class TermPostings(TermDictionary? terms = null)
{
    private const int PageBits = 16;
    private const int PageSize = 1 << PageBits;
    private const int LargeClass = 31;
    private static readonly int[] Sizes = BuildSizes();
    private static readonly int MaxClass = Sizes.Length - 1;
    private const int CountBits = 24;
    private const int CountMask = (1 << CountBits) - 1;
    private readonly List<int[]> _pages = [];
    private readonly int[] _freeHeads = NewFreeHeads();
    private readonly Dictionary<int, List<int>> _large = [];
    private readonly PagedArray<int> _blocks = new();
    private readonly PagedArray<int> _counts = new(); // class << 24 | count, by term index; 0 = no list
    private int _pageUsed = PageSize;

    /// <summary>The dictionary the lists are indexed by (shared with the centroids in the engine).</summary>
    public TermDictionary Terms { get; } = terms ?? new TermDictionary();

    public long Postings { get; private set; }

    /// <summary>Terms with at least one posting.</summary>
    public int Keys { get; private set; }

    public long MemoryBytes => BlockBytes + HeadBytes;

    /// <summary>Bytes of the posting pages (free blocks included) and of the lists too long for a page.</summary>
    public long BlockBytes => (_pages.Count * ((PageSize * 4L) + 24)) + _large.Sum(l => 64 + (l.Value.Capacity * 4L));

    /// <summary>Bytes of the list heads (block and count per dictionary index, whether or not the term has a list).</summary>
    public long HeadBytes => _blocks.MemoryBytes + _counts.MemoryBytes;

    public void Add(uint key, int value)
    {
        var index = Terms.Acquire(key | 1u);
        _blocks.EnsureCapacity(index);
        _counts.EnsureCapacity(index);
        if (_counts[index] == 0)
        {
            _blocks[index] = Allocate(0);
            Keys++;
        }
        else
        {
            Terms.Release(index); // a list holds one reference however long it is
        }

        var count = _counts[index] & CountMask;
        var cls = _counts[index] >>> CountBits;
        if (cls == LargeClass)
        {
            _large[index].Add(value);
        }
        else
        {
            if (count == Sizes[cls])
            {
                // Full: move into a block of the next class (or out of the pages).
                var old = _blocks[index];
                if (cls + 1 > MaxClass)
                {
                    _large[index] = [.. Block(old, count)];
                    _large[index].Add(value);
                    Free(old, cls);
                    _counts[index] = (LargeClass << CountBits) | (count + 1);
                    Postings++;
                    return;
                }

                var moved = Allocate(cls + 1);
                Block(old, count).CopyTo(Block(moved, count));
                Free(old, cls);
                _blocks[index] = moved;
                cls++;
            }

            Block(_blocks[index], count + 1)[count] = value;
        }

        _counts[index] = (cls << CountBits) | (count + 1);
        Postings++;
    }

    public bool Remove(uint key, int value)
    {
        var index = Terms.Find(key | 1u);
        if (index < 0 || index >= _counts.Capacity || _counts[index] == 0)
        {
            return false;
        }

        var count = _counts[index] & CountMask;
        var cls = _counts[index] >>> CountBits;
        if (cls == LargeClass)
        {
            var list = _large[index];
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
            var block = Block(_blocks[index], count);
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
                _large.Remove(index);
            }
            else
            {
                Free(_blocks[index], cls);
            }

            _counts[index] = 0;
            Keys--;
            Terms.Release(index);
            return true;
        }

        if (cls != LargeClass && cls >= 2 && count <= Sizes[cls - 2])
        {
            // Shrink by one class (hysteresis of one more) so a list that lost most of its stories does not keep its largest block.
            var moved = Allocate(cls - 1);
            Block(_blocks[index], count).CopyTo(Block(moved, count));
            Free(_blocks[index], cls);
            _blocks[index] = moved;
            cls--;
        }

        _counts[index] = (cls << CountBits) | count;
        return true;
    }

    /// <summary>Number of postings of the key.</summary>
    public int CountOf(uint key)
    {
        var index = Terms.Find(key | 1u);
        return index < 0 || index >= _counts.Capacity ? 0 : _counts[index] & CountMask;
    }

    /// <summary>
    /// Appends the key's values to <paramref name="into"/>. Returns false (having added nothing) when the key has more
    /// than <paramref name="limit"/> postings: such a term is too common to tell candidates apart.
    /// </summary>
    public bool TryCollect(uint key, int limit, List<int> into) => TryCollectAt(Terms.Find(key | 1u), limit, into);

    /// <summary><see cref="TryCollect"/> by dictionary index (-1, a term the dictionary does not hold, has no postings).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryCollectAt(int index, int limit, List<int> into)
    {
        if (index < 0 || index >= _counts.Capacity)
        {
            return true;
        }

        var head = _counts[index];
        var count = head & CountMask;
        if (count == 0)
        {
            return true;
        }

        if (count > limit)
        {
            return false;
        }

        if (head >>> CountBits == LargeClass)
        {
            into.AddRange(_large[index]);
        }
        else
        {
            into.AddRange(Block(_blocks[index], count));
        }

        return true;
    }

    private static int[] NewFreeHeads()
    {
        var heads = new int[Sizes.Length];
        Array.Fill(heads, -1);
        return heads;
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

}
