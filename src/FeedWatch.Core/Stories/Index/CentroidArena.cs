namespace FeedWatch.Core.Stories.Index;

/// <summary>
/// Every story's centroid in shared pages instead of arrays per story: per term a 32-bit word (the term's index in the
/// <see cref="TermDictionary"/>, a "name or number" bit and the weight code, see <see cref="CentroidWord"/>) and one
/// byte for the IDF code (<see cref="CentroidCodec"/>): 5 bytes a term and no per-story headers. A block never crosses a page; a freed block
/// goes on the free list of its exact length (its first word links the list), so stories that expire or whose
/// centroid changes size leave room for the next centroid of that length (most are 100 or 128 terms long).
/// </summary>
public sealed class CentroidArena
{
    private const int PageBits = 16;
    private const int PageSize = 1 << PageBits;
    private const int NoBlock = -1;
    private readonly List<uint[]> _terms = [];
    private readonly List<byte[]> _idf = [];
    private readonly Dictionary<int, int> _freeHeads = [];
    private int _pageUsed = PageSize;

    /// <summary>Terms held by live blocks.</summary>
    public long LiveTerms { get; private set; }

    /// <summary>Bytes of the pages (with headers) and the free-list table.</summary>
    public long MemoryBytes => (_terms.Count * ((PageSize * 5L) + 48)) + (_freeHeads.Count * 24L);

    /// <summary>Longest block: a centroid is bounded by <see cref="StoryEngineOptions.StoryTerms"/>, far below this.</summary>
    public static int MaxBlock => PageSize;

    /// <summary>A block of <paramref name="count"/> terms (contents undefined); 0 terms need no block.</summary>
    public int Allocate(int count)
    {
        if (count == 0)
        {
            return 0;
        }

        if (count > PageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"A centroid holds at most {PageSize} terms.");
        }

        LiveTerms += count;
        if (_freeHeads.TryGetValue(count, out var head) && head != NoBlock)
        {
            _freeHeads[count] = (int)Terms(head, 1)[0];
            return head;
        }

        if (_pageUsed + count > PageSize)
        {
            _terms.Add(new uint[PageSize]);
            _idf.Add(new byte[PageSize]);
            _pageUsed = 0;
        }

        var block = ((_terms.Count - 1) << PageBits) | _pageUsed;
        _pageUsed += count;
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

    public Span<uint> Terms(int block, int count) => count == 0 ? [] : _terms[block >>> PageBits].AsSpan(block & (PageSize - 1), count);

    public Span<byte> Idf(int block, int count) => count == 0 ? [] : _idf[block >>> PageBits].AsSpan(block & (PageSize - 1), count);
}
