using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FeedWatch.Stories.Fingerprints;

/// <summary>
/// Scratch term → (tf, kind) table for fingerprinting one article: open addressing over flat arrays, reused from
/// article to article (a Dictionary per article cost more than the counting itself). Not thread-safe.
/// </summary>
/// <remarks>
/// Terms, frequencies and kinds are kept densely in first-seen order (what <see cref="TermAt"/> and the spans number),
/// and the hash table holds one 64-bit slot per term: the term in the low half, its dense index in the high half. A probe
/// is one load, and the topic selection reads the dense arrays front to back instead of through a slot map.
/// </remarks>
internal sealed class TermCounts
{
    private ulong[] _slots = new ulong[2048];
    private uint[] _terms = new uint[1024];
    private float[] _tf = new float[1024];
    private TermKind[] _kinds = new TermKind[1024];
    private int[] _slotOf = new int[1024];

    public int Count { get; private set; }

    /// <summary>The distinct terms, in the order they were first added.</summary>
    public ReadOnlySpan<uint> Terms => _terms.AsSpan(0, Count);

    /// <summary>Empties the table and makes room for at least <paramref name="maxTerms"/> distinct terms.</summary>
    public void Reset(int maxTerms)
    {
        for (var k = 0; k < Count; k++)
        {
            _slots[_slotOf[k]] = 0;
        }

        Count = 0;
        var size = _slots.Length;
        while (size < maxTerms * 2)
        {
            size <<= 1;
        }

        if (size != _slots.Length)
        {
            _slots = new ulong[size];
        }

        if (_terms.Length < maxTerms)
        {
            _terms = new uint[size / 2];
            _tf = new float[size / 2];
            _kinds = new TermKind[size / 2];
            _slotOf = new int[size / 2];
        }
    }

    /// <summary>Adds an occurrence; a name or number reading of a term wins over a plain-word one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(uint term, float tf, TermKind kind)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        var slot = (int)((term * 2654435761u) >> 7) & mask;
        ref var first = ref MemoryMarshal.GetArrayDataReference(slots);
        while (true)
        {
            // The slot index is masked to the table's size: read without a bounds check.
            var entry = Unsafe.Add(ref first, slot);
            if ((uint)entry == term)
            {
                var index = (int)(entry >> 32);
                _tf[index] += tf;
                if (_kinds[index] == TermKind.Word)
                {
                    _kinds[index] = kind;
                }

                return;
            }

            if (entry == 0)
            {
                Insert(slot, term, tf, kind);
                return;
            }

            slot = (slot + 1) & mask;
        }
    }

    private void Insert(int slot, uint term, float tf, TermKind kind)
    {
        var index = Count++;
        _slots[slot] = ((ulong)(uint)index << 32) | term;
        _terms[index] = term;
        _tf[index] = tf;
        _kinds[index] = kind;
        _slotOf[index] = slot;
    }

    /// <summary>Position (as used by <see cref="TermAt"/>) of a term that was added.</summary>
    public int IndexOf(uint term)
    {
        var mask = _slots.Length - 1;
        var slot = (int)((term * 2654435761u) >> 7) & mask;
        while ((uint)_slots[slot] != term)
        {
            slot = (slot + 1) & mask;
        }

        return (int)(_slots[slot] >> 32);
    }

    public uint TermAt(int index) => _terms[index];

    public float TfAt(int index) => _tf[index];

    public TermKind KindAt(int index) => _kinds[index];
}
