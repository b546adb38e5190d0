namespace FeedWatch.Core.Stories.Fingerprints;

/// <summary>
/// Scratch term → (tf, kind) table for fingerprinting one article: open addressing over flat arrays, reused from
/// article to article (a Dictionary per article cost more than the counting itself). Not thread-safe.
/// </summary>
internal sealed class TermCounts
{
    private uint[] _keys = new uint[2048];
    private float[] _tf = new float[2048];
    private TermKind[] _kinds = new TermKind[2048];
    private int[] _used = new int[1024];
    private int[] _order = new int[2048];

    public int Count { get; private set; }

    /// <summary>Empties the table and makes room for at least <paramref name="maxTerms"/> distinct terms.</summary>
    public void Reset(int maxTerms)
    {
        for (var k = 0; k < Count; k++)
        {
            _keys[_used[k]] = 0;
        }

        Count = 0;
        var size = _keys.Length;
        while (size < maxTerms * 2)
        {
            size <<= 1;
        }

        if (size != _keys.Length)
        {
            _keys = new uint[size];
            _tf = new float[size];
            _kinds = new TermKind[size];
            _order = new int[size];
        }

        if (_used.Length < maxTerms)
        {
            _used = new int[size / 2];
        }
    }

    /// <summary>Adds an occurrence; a name or number reading of a term wins over a plain-word one.</summary>
    public void Add(uint term, float tf, TermKind kind)
    {
        var mask = _keys.Length - 1;
        var slot = (int)((term * 2654435761u) >> 7) & mask;
        while (true)
        {
            var key = _keys[slot];
            if (key == term)
            {
                _tf[slot] += tf;
                if (_kinds[slot] == TermKind.Word)
                {
                    _kinds[slot] = kind;
                }

                return;
            }

            if (key == 0)
            {
                _keys[slot] = term;
                _tf[slot] = tf;
                _kinds[slot] = kind;
                _order[slot] = Count;
                _used[Count++] = slot;
                return;
            }

            slot = (slot + 1) & mask;
        }
    }

    /// <summary>Position (as used by <see cref="TermAt"/>) of a term that was added.</summary>
    public int IndexOf(uint term)
    {
        var mask = _keys.Length - 1;
        var slot = (int)((term * 2654435761u) >> 7) & mask;
        while (_keys[slot] != term)
        {
            slot = (slot + 1) & mask;
        }

        return _order[slot];
    }

    public uint TermAt(int index) => _keys[_used[index]];

    public float TfAt(int index) => _tf[_used[index]];

    public TermKind KindAt(int index) => _kinds[_used[index]];
}
