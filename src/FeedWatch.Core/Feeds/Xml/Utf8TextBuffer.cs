namespace FeedWatch.Core.Feeds.Xml;

/// <summary>
/// The per-thread character buffer runs that need rewriting are decoded into (references, line ends); only the
/// final string is allocated.
/// </summary>
internal sealed class Utf8TextBuffer
{
    private char[] chars = new char[1024];

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
