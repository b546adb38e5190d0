namespace FeedWatch.Core.Feeds.Xml;

/// <summary>
/// One pass of the UTF-8 tree reader over a document's bytes (see <see cref="Utf8XmlTreeReader"/> for what it accepts).
/// Builds the same <see cref="XmlNode"/> tree as <see cref="StrictXmlReader"/>; anything it does not handle makes
/// <see cref="Build"/> return null ("declined"). Every step returns false to decline rather than throwing: broken
/// feeds are common and an exception per declined document cost more than the parse. Bytes past the end read as 0,
/// which no rule accepts, so bounds problems end in a decline too.
/// </summary>
internal ref partial struct Utf8XmlTreeBuilder(ReadOnlySpan<byte> data, Uri? documentUri, Utf8XmlReaderState state)
{
    // Values up to this many bytes are scanned without vectorised searches; half of it are shared via the string table.
    private const int ShortValue = 32;

    private static readonly string[] SpaceIndents = Indents(' ');
    private static readonly string[] TabIndents = Indents('\t');

    private readonly ReadOnlySpan<byte> data = data;
    private readonly Uri? documentUri = documentUri;
    private readonly Utf8XmlReaderState state = state;
    private int pos;
    private int depth;
    private XmlNode? root;

    /// <summary>The deepest the open-element stack got (what the state must clear afterwards).</summary>
    public int MaxDepthReached { get; private set; }

    /// <summary>Attribute scratch slots used (what the state must clear afterwards).</summary>
    public int MaxAttributesUsed { get; private set; }

    /// <summary>The root element, or null when the document is declined.</summary>
    public XmlNode? Build()
    {
        if (data.IndexOfAny(Utf8XmlBytes.ForbiddenControls) >= 0 || Utf8XmlBytes.HasNonCharacterFffeOrFfff(data))
        {
            return null;
        }

        if (data.StartsWith("<?xml"u8) && Utf8XmlBytes.IsWhitespace(At(5)) && !ReadDeclaration())
        {
            return null;
        }

        if (!ReadMiscellany(prolog: true) || At(pos) != '<' || !ReadStartTag())
        {
            return null;
        }

        while (depth > 0)
        {
            var ok = At(pos) != '<' ? ReadText() : At(pos + 1) switch
            {
                (byte)'/' => ReadEndTag(),
                (byte)'?' => SkipProcessingInstruction(),
                (byte)'!' when Follows("<!--"u8) => SkipComment(),
                (byte)'!' when Follows("<![CDATA["u8) => ReadCData(),
                (byte)'!' => false,
                _ => ReadStartTag(),
            };
            if (!ok)
            {
                return null;
            }
        }

        return ReadMiscellany(prolog: false) && pos == data.Length ? root : null;
    }

    private static string[] Indents(char c)
    {
        var indents = new string[33];
        for (var i = 0; i < indents.Length; i++)
        {
            indents[i] = "\n" + new string(c, i);
        }

        return indents;
    }

    private readonly byte At(int index) => (uint)index < (uint)data.Length ? data[index] : (byte)0;

    private readonly bool Follows(ReadOnlySpan<byte> literal) => data[pos..].StartsWith(literal);

    private bool SkipWhitespace()
    {
        var start = pos;
        while (Utf8XmlBytes.IsWhitespace(At(pos)))
        {
            pos++;
        }

        return pos > start;
    }
}
