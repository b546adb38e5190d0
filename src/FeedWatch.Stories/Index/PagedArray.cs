using System.Runtime.CompilerServices;

namespace FeedWatch.Stories.Index;

/// <summary>
/// A growable array in fixed pages of 4,096 elements (1,024 for elements of 128 bytes or more, so a page stays a few
/// hundred KB and its unused tail small): growing it allocates one more page instead of copying into an array twice
/// the size, so a slab of a million records holds no more than a page of slack (a doubling array holds on average a
/// third more than it uses, and twice as much while it copies).
/// </summary>
internal sealed class PagedArray<T>
{
    // Constants once the type is initialised (the JIT folds static readonly values into optimised code).
    private static readonly int PageBits = Unsafe.SizeOf<T>() >= 128 ? 10 : 12;
    private static readonly int PageSize = 1 << PageBits;
    private static readonly int PageMask = PageSize - 1;
    private T[][] _pages = [];

    /// <summary>Elements the allocated pages hold.</summary>
    public int Capacity => _pages.Length * PageSize;

    /// <summary>Bytes of the pages and the page table, headers included.</summary>
    public long MemoryBytes => ((long)_pages.Length * ((PageSize * (long)Unsafe.SizeOf<T>()) + 24)) + 24 + (_pages.Length * 8L);

    public ref T this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref _pages[index >> PageBits][index & PageMask];
    }

    /// <summary>Makes room for index <paramref name="index"/> (new elements are default).</summary>
    public void EnsureCapacity(int index)
    {
        while (index >= Capacity)
        {
            Array.Resize(ref _pages, _pages.Length + 1);
            _pages[^1] = new T[PageSize];
        }
    }

    /// <summary>The run of <paramref name="count"/> elements at <paramref name="index"/> (which must not cross a page).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<T> Slice(int index, int count) => _pages[index >> PageBits].AsSpan(index & PageMask, count);
}
