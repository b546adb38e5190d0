using System.Runtime.CompilerServices;

namespace FeedWatch.Stories.Index;

/// <summary>
/// Per-story weight sums of one candidate retrieval in a small open-addressing table sized by the postings read
/// (a few hundred to a few thousand stories), instead of arrays indexed by story slot: those spanned the whole active
/// index (16 bytes per story), so every posting cost a cache miss at 100,000 stories. Reused from call to call;
/// entries come back in first-touched order. Not thread-safe.
/// </summary>
internal sealed class SlotAccumulator
{
    private int[] _keys = new int[1024]; // story slot + 1; 0 marks an empty entry
    private double[] _sums = new double[1024];
    private int[] _used = new int[512];
    private int _mask = 1023;

    public int Count { get; private set; }

    /// <summary>Empties the table and makes room for up to <paramref name="maxEntries"/> distinct stories.</summary>
    public void Reset(int maxEntries)
    {
        for (var k = 0; k < Count; k++)
        {
            _keys[_used[k]] = 0;
        }

        Count = 0;
        var size = 1024;
        while (size < maxEntries * 2)
        {
            size <<= 1;
        }

        if (size > _keys.Length)
        {
            _keys = new int[size];
            _sums = new double[size];
        }

        if (_used.Length < maxEntries)
        {
            _used = new int[size / 2];
        }

        _mask = size - 1;
    }

    /// <summary>Adds <paramref name="weight"/> to the story's sum (a new story starts from 0, as the arrays did).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int storySlot, double weight)
    {
        var key = storySlot + 1;
        var entry = (int)(((uint)key * 2654435761u) >> 12) & _mask;
        while (true)
        {
            var existing = _keys[entry];
            if (existing == key)
            {
                _sums[entry] += weight;
                return;
            }

            if (existing == 0)
            {
                _keys[entry] = key;
                _sums[entry] = 0;
                _sums[entry] += weight;
                _used[Count++] = entry;
                return;
            }

            entry = (entry + 1) & _mask;
        }
    }

    public int SlotAt(int index) => _keys[_used[index]] - 1;

    public double SumAt(int index) => _sums[_used[index]];
}
