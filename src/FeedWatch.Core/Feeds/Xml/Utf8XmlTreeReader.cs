namespace FeedWatch.Core.Feeds.Xml;

/// <summary>
/// The fast path for well-formed UTF-8 feeds: a strict, byte-level reader that builds exactly the tree
/// <see cref="StrictXmlReader"/> builds (same namespaces, prefixes, attributes in document order — xmlns declarations
/// included, xml:base, xml:lang, merged text runs with the C1 → Windows-1252 mapping, whitespace runs, CDATA) without
/// creating an XmlReader per document and without decoding the whole document.
/// <para>
/// It is conservative by design: it returns null (declines) for anything it is not certain XmlReader would accept and
/// read identically — a DOCTYPE, non-ASCII names, entity references other than the five predefined ones, undeclared
/// prefixes, mismatched tags, duplicate attributes, '&lt;' in attribute values, "]]&gt;" in text, "--" in comments,
/// characters XML forbids, an XML declaration other than version 1.0 / UTF-8, content outside the root element, nesting
/// deeper than <see cref="LenientXmlReader.MaxDepth"/>. The caller then uses <see cref="StrictXmlReader"/> (and, if that
/// fails, the lenient reader), so declining changes nothing but speed, while accepting a document XmlReader would
/// reject would wrongly mark a broken feed well-formed; the differential test over every corpus file guards both.
/// </para>
/// </summary>
public static class Utf8XmlTreeReader
{
    // Per thread: a parse runs on one thread start to end; the state is reused by the next document on that thread.
    [ThreadStatic]
    private static Utf8XmlReaderState? threadState;

    /// <summary>The root element, or null when the reader declines the document (including invalid UTF-8).</summary>
    public static XmlNode? TryRead(ReadOnlySpan<byte> utf8, Uri? documentUri) =>
        System.Text.Unicode.Utf8.IsValid(utf8) ? TryReadValidUtf8(utf8, documentUri) : null;

    /// <summary>As <see cref="TryRead"/> for bytes the caller has already checked are valid UTF-8.</summary>
    internal static XmlNode? TryReadValidUtf8(ReadOnlySpan<byte> utf8, Uri? documentUri)
    {
        var state = threadState ??= new Utf8XmlReaderState();
        var builder = new Utf8XmlTreeBuilder(utf8, documentUri, state);
        try
        {
            return builder.Build();
        }
        finally
        {
            state.Release(builder.MaxDepthReached, builder.MaxAttributesUsed);
        }
    }
}
