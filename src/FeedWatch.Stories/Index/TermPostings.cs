using System.Runtime.CompilerServices;

namespace FeedWatch.Stories.Index;

/// <summary>
/// Term → story slots for topic retrieval. A term's list starts at a 4-byte head at the term's index in the
/// <see cref="TermDictionary"/> (no hash key table): a list of one story (most terms: a name or number only one story
/// has) is that head alone; a longer list is one contiguous block in shared byte pages, a header word (size class and
/// count) then the values, 3 bytes a posting (story slots stay below 2^24, see <see cref="MaxValue"/>). Block capacities come in classes 2, 3, 4, 5, 6, 8, 10, 12 … (about ×1.25, so a
/// block is on average ~90 % full); a list grows by moving into the next class and shrinks into the previous one when
/// it falls to the class before that, and a freed block is reused by the next list of its class. Lists longer than a
/// page (a term tens of thousands of stories share, far past the retrieval cap) live in their own arrays. Each list
/// holds one dictionary reference, so a term keeps its index while it has postings. Values come back in no particular
/// order: retrieval sums each story's weights term by term and ranks stories by (sum, slot), so the order of a list
/// never changes a result.
/// </summary>
internal sealed class TermPostings(TermDictionary? terms = null)
{
    /// <summary>Largest value (story slot) a list can hold: 3 bytes.</summary>
    public const int MaxValue = (1 << 24) - 1;

    private const int HeaderBytes = 4;
    private const int ValueBytes = 3;
    private const int PageBits = 18;
    private const int PageSize = 1 << PageBits;
    private const int LargeClass = 127; // past the last size class (there are about 45)
    private const int CountBits = 24;
    private const int CountMask = (1 << CountBits) - 1;
    private static readonly int[] Sizes = BuildSizes();
    private static readonly int MaxClass = Sizes.Length - 1;
    private readonly List<byte[]> _pages = [];
    private readonly int[] _freeHeads = NewFreeHeads();
    private readonly Dictionary<int, List<int>> _large = [];

    // Per dictionary index: 0 no list; odd: a one-story list, the value is head >>> 1; even: the list's block is
    // (head >>> 1) - 1, whose first word is class << 24 | count.
    private readonly PagedArray<int> _heads = new();
    private int _pageUsed = PageSize;

    /// <summary>The dictionary the lists are indexed by (shared with the centroids in the engine).</summary>
    public TermDictionary Terms { get; } = terms ?? new TermDictionary();

    public long Postings { get; private set; }

    /// <summary>Terms with at least one posting.</summary>
    public int Keys { get; private set; }

    public long MemoryBytes => BlockBytes + HeadBytes;

    /// <summary>Bytes of the posting pages (free blocks included) and of the lists too long for a page.</summary>
    public long BlockBytes => (_pages.Count * (PageSize + 24L)) + _large.Sum(l => 64 + (l.Value.Capacity * 4L));

    /// <summary>Bytes of the list heads (one word per dictionary index, whether or not the term has a list).</summary>
    public long HeadBytes => _heads.MemoryBytes;

    public void Add(uint key, int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxValue);
        var index = Terms.Acquire(key | 1u);
        _heads.EnsureCapacity(index);
        var head = _heads[index];
        Postings++;
        if (head == 0)
        {
            _heads[index] = (value << 1) | 1; // the list keeps the reference just taken
            Keys++;
            return;
        }

        Terms.Release(index); // a list holds one reference however long it is
        if ((head & 1) != 0)
        {
            var pair = Allocate(0);
            var bytes = Block(pair, 2);
            SetHeader(bytes, 0, 2);
            Write(bytes, 0, head >>> 1);
            Write(bytes, 1, value);
            _heads[index] = HeadOf(pair);
            return;
        }

        var block = BlockOf(head);
        var header = HeaderOf(block);
        var cls = header >>> CountBits;
        var count = header & CountMask;
        if (cls == LargeClass)
        {
            _large[index].Add(value);
            SetHeader(Block(block, 0), cls, count + 1);
            return;
        }

        if (count == Sizes[cls])
        {
            // Full: move into a block of the next class (or out of the pages, keeping a block for the header).
            if (cls == MaxClass)
            {
                var large = new List<int>(count + 1);
                Collect(Block(block, count), count, large);
                large.Add(value);
                _large[index] = large;
                Free(block, cls);
                var holder = Allocate(0);
                SetHeader(Block(holder, 0), LargeClass, count + 1);
                _heads[index] = HeadOf(holder);
                return;
            }

            var moved = Allocate(cls + 1);
            Block(block, count).CopyTo(Block(moved, count));
            Free(block, cls);
            block = moved;
            cls++;
            _heads[index] = HeadOf(block);
        }

        var list = Block(block, count + 1);
        Write(list, count, value);
        SetHeader(list, cls, count + 1);
    }

    public bool Remove(uint key, int value)
    {
        var index = Terms.Find(key | 1u);
        if (index < 0 || index >= _heads.Capacity || _heads[index] == 0)
        {
            return false;
        }

        var head = _heads[index];
        if ((head & 1) != 0)
        {
            if (head >>> 1 != value)
            {
                return false;
            }

            _heads[index] = 0;
            Keys--;
            Postings--;
            Terms.Release(index);
            return true;
        }

        var block = BlockOf(head);
        var header = HeaderOf(block);
        var cls = header >>> CountBits;
        var count = header & CountMask;
        if (cls == LargeClass)
        {
            var large = _large[index];
            var at = large.IndexOf(value);
            if (at < 0)
            {
                return false;
            }

            large[at] = large[^1];
            large.RemoveAt(large.Count - 1);
            Postings--;
            if (large.Count == 0)
            {
                _large.Remove(index);
                Free(block, 0);
                _heads[index] = 0;
                Keys--;
                Terms.Release(index);
                return true;
            }

            SetHeader(Block(block, 0), cls, count - 1);
            return true;
        }

        var values = Block(block, count);
        var found = -1;
        for (var k = 0; k < count; k++)
        {
            if (Read(values, k) == value)
            {
                found = k;
                break;
            }
        }

        if (found < 0)
        {
            return false;
        }

        Write(values, found, Read(values, count - 1));
        Postings--;
        count--;
        if (count == 1)
        {
            // One story left: back into the head.
            _heads[index] = (Read(values, 0) << 1) | 1;
            Free(block, cls);
            return true;
        }

        if (cls >= 2 && count <= Sizes[cls - 2])
        {
            // Shrink by one class (hysteresis of one more) so a list that lost most of its stories does not keep its largest block.
            var moved = Allocate(cls - 1);
            Block(block, count).CopyTo(Block(moved, count));
            Free(block, cls);
            block = moved;
            cls--;
            _heads[index] = HeadOf(block);
        }

        SetHeader(Block(block, 0), cls, count);
        return true;
    }

    /// <summary>Number of postings of the key.</summary>
    public int CountOf(uint key)
    {
        var index = Terms.Find(key | 1u);
        if (index < 0 || index >= _heads.Capacity || _heads[index] == 0)
        {
            return 0;
        }

        var head = _heads[index];
        return (head & 1) != 0 ? 1 : HeaderOf(BlockOf(head)) & CountMask;
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
        if (index < 0 || index >= _heads.Capacity)
        {
            return true;
        }

        var head = _heads[index];
        if (head == 0)
        {
            return true;
        }

        if ((head & 1) != 0)
        {
            if (limit < 1)
            {
                return false;
            }

            into.Add(head >>> 1);
            return true;
        }

        var block = BlockOf(head);
        var header = HeaderOf(block);
        var count = header & CountMask;
        if (count > limit)
        {
            return false;
        }

        if (header >>> CountBits == LargeClass)
        {
            into.AddRange(_large[index]);
        }
        else
        {
            Collect(Block(block, count), count, into);
        }

        return true;
    }

    /// <summary>
    /// Reads the list heads of the given dictionary indexes, then the blocks they point to (header and every cache
    /// line of the values, up to <paramref name="limit"/> postings), each stage in one pass of independent loads, and
    /// returns a value made of them (for the caller to keep, so the reads are not optimised away). Heads and blocks
    /// are scattered over megabytes, so each is a cache miss; collected one term after the other, every list waited
    /// for its head and then for its block in turn, while here the misses of all the lists overlap. Changes nothing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Touch(ReadOnlySpan<int> indexes, int limit)
    {
        var sink = 0;
        var capacity = _heads.Capacity;
        foreach (var index in indexes)
        {
            if ((uint)index < (uint)capacity)
            {
                sink += _heads[index];
            }
        }

        foreach (var index in indexes)
        {
            if ((uint)index < (uint)capacity && _heads[index] is var head && head != 0 && (head & 1) == 0)
            {
                sink += _pages[BlockOf(head) >>> PageBits][BlockOf(head) & (PageSize - 1)];
            }
        }

        foreach (var index in indexes)
        {
            if ((uint)index < (uint)capacity && _heads[index] is var head && head != 0 && (head & 1) == 0)
            {
                var block = BlockOf(head);
                var header = HeaderOf(block);
                var count = header & CountMask;
                if (count <= limit && header >>> CountBits != LargeClass)
                {
                    var page = _pages[block >>> PageBits];
                    var start = block & (PageSize - 1);
                    var end = start + HeaderBytes + (count * ValueBytes);
                    for (var at = start + 64; at < end; at += 64)
                    {
                        sink += page[at];
                    }

                    sink += page[end - 1];
                }
            }
        }

        return sink;
    }

    private static int HeadOf(int block) => (block + 1) << 1;

    private static int BlockOf(int head) => (head >>> 1) - 1;

    private static int[] NewFreeHeads()
    {
        var heads = new int[Sizes.Length];
        Array.Fill(heads, -1);
        return heads;
    }

    /// <summary>Capacities 2, 3, 4, then ×1.25 (at least one more) up to a page less the header word.</summary>
    private static int[] BuildSizes()
    {
        const int largest = (PageSize - HeaderBytes) / ValueBytes;
        var sizes = new List<int> { 2, 3, 4 };
        while (sizes[^1] < largest)
        {
            var next = Math.Max(sizes[^1] + 1, (sizes[^1] * 5) / 4);
            sizes.Add(Math.Min(largest, next));
        }

        return sizes.Count < LargeClass ? [.. sizes] : throw new InvalidOperationException("Size classes must stay below the large-list mark.");
    }

    /// <summary>Bytes of a block of the class: its header and its capacity.</summary>
    private static int LengthOf(int cls) => HeaderBytes + (Sizes[cls] * ValueBytes);

    /// <summary>The block's header and its first <paramref name="values"/> values.</summary>
    private Span<byte> Block(int block, int values) => _pages[block >>> PageBits].AsSpan(block & (PageSize - 1), HeaderBytes + (values * ValueBytes));

    private int HeaderOf(int block) => System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(Block(block, 0));

    private static void SetHeader(Span<byte> block, int cls, int count) =>
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(block, (cls << CountBits) | count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Read(Span<byte> block, int k)
    {
        var at = HeaderBytes + (k * ValueBytes);
        return block[at] | (block[at + 1] << 8) | (block[at + 2] << 16);
    }

    private static void Write(Span<byte> block, int k, int value)
    {
        var at = HeaderBytes + (k * ValueBytes);
        block[at] = (byte)value;
        block[at + 1] = (byte)(value >> 8);
        block[at + 2] = (byte)(value >> 16);
    }

    /// <summary>Appends a block's values to a list (decoded straight into the list's storage).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Collect(ReadOnlySpan<byte> block, int count, List<int> into)
    {
        var start = into.Count;
        System.Runtime.InteropServices.CollectionsMarshal.SetCount(into, start + count);
        var target = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(into).Slice(start, count);
        var bytes = block.Slice(HeaderBytes, count * ValueBytes);
        for (var k = 0; k < target.Length; k++)
        {
            var at = k * ValueBytes;
            target[k] = bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16);
        }
    }

    private int Allocate(int cls)
    {
        var free = _freeHeads[cls];
        if (free >= 0)
        {
            _freeHeads[cls] = HeaderOf(free);
            return free;
        }

        var length = LengthOf(cls);
        if (_pageUsed + length > PageSize)
        {
            // The rest of the page is cut into free blocks of the largest classes that fit, so little is lost.
            while (_pages.Count > 0 && PageSize - _pageUsed >= LengthOf(0))
            {
                var rest = PageSize - _pageUsed;
                var c = MaxClass;
                while (LengthOf(c) > rest)
                {
                    c--;
                }

                Free(((_pages.Count - 1) << PageBits) | _pageUsed, c);
                _pageUsed += LengthOf(c);
            }

            if (_pages.Count >= 1 << (31 - PageBits - 1))
            {
                throw new InvalidOperationException("Term postings are limited to 2 GB of blocks.");
            }

            _pages.Add(new byte[PageSize]);
            _pageUsed = 0;
        }

        var allocated = ((_pages.Count - 1) << PageBits) | _pageUsed;
        _pageUsed += length;
        return allocated;
    }

    private void Free(int block, int cls)
    {
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(Block(block, 0), _freeHeads[cls]);
        _freeHeads[cls] = block;
    }
}
