namespace FeedWatch.Stories.Index;

/// <summary>
/// Story and article ids in shared byte pages instead of one string object each (a 15-character id costs 52 bytes as a
/// string, 17 here). An entry is a reference count, the length with an encoding flag (varint), then the characters:
/// one byte each when all are ASCII, else the UTF-16 code units, so any string round-trips exactly. A handle is
/// page &lt;&lt; 16 | offset. Released entries are reclaimed by <see cref="CompactInto"/>, which the owner runs when
/// <see cref="NeedsCompaction"/> says garbage outweighs live entries (it must then move every handle it holds).
/// </summary>
internal sealed class IdArena
{
    private const int PageBits = 16;
    private const int PageSize = 1 << PageBits;
    private const int CompactionFloor = PageSize;
    private readonly List<byte[]> _pages = [];
    private int _pageUsed = PageSize;

    public long LiveBytes { get; private set; }

    public long GarbageBytes { get; private set; }

    public bool NeedsCompaction => GarbageBytes > CompactionFloor && GarbageBytes > LiveBytes;

    public long MemoryBytes => _pages.Sum(p => p.Length + 24L) + 32 + (_pages.Count * 8L);

    /// <summary>Stores <paramref name="id"/> with one reference and returns its handle.</summary>
    public int Add(ReadOnlySpan<char> id)
    {
        var ascii = System.Text.Ascii.IsValid(id);
        var header = ((ulong)id.Length << 1) | (ascii ? 0UL : 1UL);
        var size = 1 + VarintSize(header) + (id.Length * (ascii ? 1 : 2));
        var handle = Reserve(size);
        var bytes = Bytes(handle, size);
        bytes[0] = 1;
        var at = 1 + WriteVarint(bytes[1..], header);
        if (ascii)
        {
            for (var i = 0; i < id.Length; i++)
            {
                bytes[at + i] = (byte)id[i];
            }
        }
        else
        {
            for (var i = 0; i < id.Length; i++)
            {
                bytes[at + (2 * i)] = (byte)id[i];
                bytes[at + (2 * i) + 1] = (byte)(id[i] >> 8);
            }
        }

        LiveBytes += size;
        return handle;
    }

    /// <summary>One more holder of the entry (saturates: an entry held 255 times is kept for good).</summary>
    public void AddReference(int handle)
    {
        ref var count = ref Page(handle)[handle & (PageSize - 1)];
        if (count < byte.MaxValue)
        {
            count++;
        }
    }

    /// <summary>One holder fewer; the entry becomes garbage when none is left.</summary>
    public void Release(int handle)
    {
        ref var count = ref Page(handle)[handle & (PageSize - 1)];
        if (count is 0 or byte.MaxValue)
        {
            return;
        }

        if (--count == 0)
        {
            var size = SizeOf(handle);
            LiveBytes -= size;
            GarbageBytes += size;
        }
    }

    public string Get(int handle)
    {
        var (length, ascii, at) = Header(handle);
        var page = Page(handle);
        return string.Create(length, (page, at, ascii), static (chars, state) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = state.ascii ? (char)state.page[state.at + i] : (char)(state.page[state.at + (2 * i)] | (state.page[state.at + (2 * i) + 1] << 8));
            }
        });
    }

    public bool Equals(int handle, ReadOnlySpan<char> id)
    {
        var (length, ascii, at) = Header(handle);
        if (length != id.Length)
        {
            return false;
        }

        var page = Page(handle);
        for (var i = 0; i < length; i++)
        {
            var c = ascii ? (char)page[at + i] : (char)(page[at + (2 * i)] | (page[at + (2 * i) + 1] << 8));
            if (c != id[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>FNV-1a over the UTF-16 code units, the same for a stored id and for the string it came from.</summary>
    public static uint HashOf(ReadOnlySpan<char> id)
    {
        var h = 2166136261u;
        foreach (var c in id)
        {
            h = (h ^ c) * 16777619u;
        }

        return h;
    }

    public uint HashOf(int handle)
    {
        var (length, ascii, at) = Header(handle);
        var page = Page(handle);
        var h = 2166136261u;
        for (var i = 0; i < length; i++)
        {
            var c = ascii ? page[at + i] : (uint)(page[at + (2 * i)] | (page[at + (2 * i) + 1] << 8));
            h = (h ^ c) * 16777619u;
        }

        return h;
    }

    /// <summary>Copies a live entry (with its reference count) into <paramref name="target"/>; returns its new handle.</summary>
    public int CompactInto(IdArena target, int handle)
    {
        ArgumentNullException.ThrowIfNull(target);
        var size = SizeOf(handle);
        var moved = target.Reserve(size);
        Bytes(handle, size).CopyTo(target.Bytes(moved, size));
        target.LiveBytes += size;
        return moved;
    }

    private int Reserve(int size)
    {
        if (size > PageSize)
        {
            _pages.Add(new byte[size]);
            _pageUsed = PageSize;
            return (_pages.Count - 1) << PageBits;
        }

        if (_pageUsed + size > PageSize)
        {
            _pages.Add(new byte[PageSize]);
            _pageUsed = 0;
        }

        var handle = ((_pages.Count - 1) << PageBits) | _pageUsed;
        _pageUsed += size;
        return handle;
    }

    private byte[] Page(int handle) => _pages[handle >>> PageBits];

    private Span<byte> Bytes(int handle, int size) => Page(handle).AsSpan(handle & (PageSize - 1), size);

    private (int Length, bool Ascii, int At) Header(int handle)
    {
        var page = Page(handle);
        var at = (handle & (PageSize - 1)) + 1;
        ulong header = 0;
        var shift = 0;
        byte b;
        do
        {
            b = page[at++];
            header |= (ulong)(b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);

        return ((int)(header >> 1), (header & 1) == 0, at);
    }

    private int SizeOf(int handle)
    {
        var (length, ascii, at) = Header(handle);
        return at - (handle & (PageSize - 1)) + (length * (ascii ? 1 : 2));
    }

    private static int VarintSize(ulong value)
    {
        var size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }

        return size;
    }

    private static int WriteVarint(Span<byte> into, ulong value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            into[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        into[i++] = (byte)value;
        return i;
    }
}
