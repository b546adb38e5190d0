using System.Runtime.InteropServices;

namespace FeedWatch.Stories.Index;

/// <summary>
/// Every story's centroid in shared pages instead of arrays per story: per term a 32-bit word (the term's index in the
/// <see cref="TermDictionary"/>, a "name or number" bit and the weight code, see <see cref="CentroidWord"/>) and one
/// byte for the IDF code (<see cref="CentroidCodec"/>): 5 bytes a term and no per-story headers. A block is the words
/// followed at once by the IDF codes, so comparing a candidate reads one contiguous run of memory (the codes had pages
/// of their own: one more page and two more cache misses per candidate); no padding, the words are read unaligned
/// where a block's length puts them so. A block never crosses a page; a freed block goes on the free list of its exact
/// length (its first word links the list), so stories that expire or whose centroid changes size leave room for the
/// next centroid of that length (most are 100 or 128 terms long).
/// </summary>
internal sealed class CentroidArena
{
    private const int PageBits = 18;
    private const int PageSize = 1 << PageBits; // bytes
    private const int TermBytes = 5;
    private const int MaxPages = 1 << (31 - PageBits); // a block handle is page << PageBits | byte offset
    private const int NoBlock = -1;
    private readonly List<byte[]> _pages = [];
    private readonly Dictionary<int, int> _freeHeads = [];
    private int _pageUsed = PageSize;

    /// <summary>Terms held by live blocks.</summary>
    public long LiveTerms { get; private set; }

    /// <summary>Bytes of the pages (with headers) and the free-list table.</summary>
    public long MemoryBytes => (_pages.Count * (PageSize + 24L)) + (_freeHeads.Count * 24L);

    /// <summary>Longest block: a centroid is bounded by <see cref="StoryEngineOptions.StoryTerms"/>, far below this.</summary>
    public static int MaxBlock => PageSize / TermBytes;

    /// <summary>A block of <paramref name="count"/> terms (contents undefined); 0 terms need no block.</summary>
    public int Allocate(int count)
    {
        if (count == 0)
        {
            return 0;
        }

        if (count > MaxBlock)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"A centroid holds at most {MaxBlock} terms.");
        }

        LiveTerms += count;
        if (_freeHeads.TryGetValue(count, out var head) && head != NoBlock)
        {
            _freeHeads[count] = (int)Terms(head, 1)[0];
            return head;
        }

        var length = count * TermBytes;
        if (_pageUsed + length > PageSize)
        {
            if (_pages.Count >= MaxPages)
            {
                LiveTerms -= count;
                throw new InvalidOperationException($"Centroids are limited to {(long)MaxPages * PageSize:N0} bytes; expire stories (a shorter active window) or run more engines.");
            }

            _pages.Add(new byte[PageSize]);
            _pageUsed = 0;
        }

        var block = ((_pages.Count - 1) << PageBits) | _pageUsed;
        _pageUsed += length;
        return block;
    }

    public void Free(int block, int count)
    {
        if (count == 0)
        {
            return;
        }

        LiveTerms -= count;
        Terms(block, 1)[0] = (uint)(_freeHeads.TryGetValue(count, out var head) ? head : NoBlock);
        _freeHeads[count] = block;
    }

    /// <summary>The block's term words.</summary>
    public Span<uint> Terms(int block, int count) => count == 0 ? [] : MemoryMarshal.Cast<byte, uint>(Bytes(block, count)[..(count * sizeof(uint))]);

    /// <summary>The block's IDF codes (right after its words).</summary>
    public Span<byte> Idf(int block, int count) => count == 0 ? [] : Bytes(block, count)[(count * sizeof(uint))..];

    /// <summary>The whole block, words then IDF codes (what a candidate's comparison reads).</summary>
    public Span<byte> Bytes(int block, int count) => count == 0 ? [] : _pages[block >>> PageBits].AsSpan(block & (PageSize - 1), count * TermBytes);
}
