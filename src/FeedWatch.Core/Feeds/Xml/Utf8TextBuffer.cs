namespace FeedWatch.Core.Feeds.Xml;

/// <summary>
/// The per-thread character buffer runs that need rewriting are decoded into (references, line ends); only the
/// final string is allocated.
/// </summary>
internal sealed class Utf8TextBuffer
{
    /// <summary>Characters kept between documents; a larger buffer (one huge text run) is dropped after its document.</summary>
    public const int MaxRetained = 256 * 1024;

    private const int InitialLength = 1024;

    private char[] chars = new char[InitialLength];

    /// <summary>Lets a buffer grown for an exceptional document go, so a thread does not hold it forever.</summary>
    public void Shrink()
    {
        if (chars.Length > MaxRetained)
        {
            chars = new char[InitialLength];
        }
    }

    /// <summary>A buffer of at least <paramref name="length"/> characters (contents undefined).</summary>
    public Span<char> Reserve(int length)
    {
        if (length > chars.Length)
        {
            chars = new char[Math.Max(length, chars.Length * 2)];
        }

        return chars;
    }
}
