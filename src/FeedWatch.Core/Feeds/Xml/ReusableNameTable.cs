using System.Xml;

namespace FeedWatch.Core.Feeds.Xml;

/// <summary>
/// An XmlReader name table kept per thread across parses. Feeds use the same few dozen element names and namespace
/// URIs, so a fresh table per document re-allocates and re-hashes them every time — a large share of the cost of
/// parsing a small feed. The table counts the characters of names it has never seen so a stream of documents with
/// junk names cannot grow it without bound: <see cref="StrictXmlReader"/> replaces it once it holds too many.
/// </summary>
internal sealed class ReusableNameTable : XmlNameTable
{
    /// <summary>Characters of distinct names after which the table is replaced (a real feed needs well under 2,000).</summary>
    public const int MaxNewCharacters = 64 * 1024;

    private readonly NameTable inner = new();

    public int NewCharacters { get; private set; }

    public override string Add(char[] array, int offset, int length)
    {
        if (inner.Get(array, offset, length) is { } known)
        {
            return known;
        }

        NewCharacters += length;
        return inner.Add(array, offset, length);
    }

    public override string Add(string array)
    {
        if (inner.Get(array) is { } known)
        {
            return known;
        }

        NewCharacters += array.Length;
        return inner.Add(array);
    }

    public override string? Get(char[] array, int offset, int length) => inner.Get(array, offset, length);

    public override string? Get(string array) => inner.Get(array);
}
