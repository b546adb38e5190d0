namespace FeedWatch.Core.Feeds.Xml;

/// <summary>
/// An element or attribute name as written (its UTF-8 bytes), split once into prefix and local name and then reused
/// for every occurrence: the reader never allocates a string per name occurrence.
/// </summary>
internal sealed class Utf8Name(byte[] bytes, uint hash, string prefix, string localName)
{
    public byte[] Bytes { get; } = bytes;
    public uint Hash { get; } = hash;
    public string Prefix { get; } = prefix;
    public string LocalName { get; } = localName;

    /// <summary>The next name in the same hash bucket.</summary>
    public Utf8Name? Next { get; set; }

    /// <summary>"xmlns": declares the default namespace.</summary>
    public bool IsDefaultNamespaceDeclaration { get; } = prefix.Length == 0 && localName == "xmlns";

    /// <summary>"xmlns:p": declares a prefix.</summary>
    public bool IsPrefixDeclaration { get; } = prefix == "xmlns";

    public bool IsXmlPrefixed { get; } = prefix == "xml";
}
