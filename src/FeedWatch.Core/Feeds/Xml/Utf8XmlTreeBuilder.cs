using System.Text;

namespace FeedWatch.Core.Feeds.Xml;

/// <summary>
/// One pass of the UTF-8 tree reader over a document's bytes (see <see cref="Utf8XmlTreeReader"/> for what it accepts).
/// Builds the same <see cref="XmlNode"/> tree as <see cref="StrictXmlReader"/>; anything it does not handle makes
/// <see cref="Build"/> return null ("declined"). Every step returns false to decline rather than throwing: broken
/// feeds are common and an exception per declined document cost more than the parse. Bytes past the end read as 0,
/// which no rule accepts, so bounds problems end in a decline too.
/// </summary>
internal ref struct Utf8XmlTreeBuilder(ReadOnlySpan<byte> data, Uri? documentUri, Utf8XmlReaderState state)
{
    // Values up to this many bytes are scanned without vectorised searches; half of it are shared via the string table.
    private const int ShortValue = 32;

    private static readonly string[] SpaceIndents = Indents(' ');
    private static readonly string[] TabIndents = Indents('\t');

    private readonly ReadOnlySpan<byte> data = data;
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

    /// <summary>
    /// Whitespace, comments and processing instructions before or after the root element, and before it at most one
    /// document type declaration without an internal subset.
    /// </summary>
    private bool ReadMiscellany(bool prolog)
    {
        var doctype = false;
        while (true)
        {
            SkipWhitespace();
            if (At(pos) != '<')
            {
                return true;
            }

            if (At(pos + 1) == '?')
            {
                if (!SkipProcessingInstruction())
                {
                    return false;
                }
            }
            else if (Follows("<!--"u8))
            {
                if (!SkipComment())
                {
                    return false;
                }
            }
            else if (prolog && !doctype && Follows("<!DOCTYPE"u8))
            {
                if (!SkipDocumentType())
                {
                    return false;
                }

                doctype = true;
            }
            else
            {
                return true;
            }
        }
    }

    /// <summary>&lt;?xml version="1.0" encoding="utf-8" standalone="yes"?&gt; — exactly that shape, or decline.</summary>
    private bool ReadDeclaration()
    {
        pos += 5;
        SkipWhitespace();
        if (!ReadPseudoAttribute("version"u8, out var version) || !version.SequenceEqual("1.0"u8))
        {
            return false;
        }

        var spaced = SkipWhitespace();
        if (spaced && Follows("encoding"u8))
        {
            if (!ReadPseudoAttribute("encoding"u8, out var encoding) || !Ascii.EqualsIgnoreCase(encoding, "utf-8"u8))
            {
                return false;
            }

            spaced = SkipWhitespace();
        }

        if (spaced && Follows("standalone"u8))
        {
            if (!ReadPseudoAttribute("standalone"u8, out var standalone) || !(standalone.SequenceEqual("yes"u8) || standalone.SequenceEqual("no"u8)))
            {
                return false;
            }

            SkipWhitespace();
        }

        if (!Follows("?>"u8))
        {
            return false;
        }

        pos += 2;
        return true;
    }

    /// <summary>name = "value" of the XML declaration; false when it is not there or malformed.</summary>
    private bool ReadPseudoAttribute(ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (!Follows(name))
        {
            return false;
        }

        pos += name.Length;
        SkipWhitespace();
        if (At(pos) != '=')
        {
            return false;
        }

        pos++;
        SkipWhitespace();
        var quote = At(pos);
        if (quote is not ((byte)'"' or (byte)'\''))
        {
            return false;
        }

        var end = data[(pos + 1)..].IndexOf(quote);
        if (end < 0)
        {
            return false;
        }

        value = data.Slice(pos + 1, end);
        pos += end + 2;
        return true;
    }

    private bool SkipProcessingInstruction()
    {
        pos += 2;
        var start = pos;
        if (!Utf8XmlBytes.IsNameStart(At(pos)))
        {
            return false;
        }

        while (Utf8XmlBytes.IsNameChar(At(pos)))
        {
            pos++;
        }

        var target = data[start..pos];
        if (target.IndexOf((byte)':') >= 0 || (target.Length == 3 && Ascii.EqualsIgnoreCase(target, "xml"u8)))
        {
            return false;
        }

        if (!Follows("?>"u8) && !Utf8XmlBytes.IsWhitespace(At(pos)))
        {
            return false;
        }

        var end = data[pos..].IndexOf("?>"u8);
        if (end < 0)
        {
            return false;
        }

        pos += end + 2;
        return true;
    }

    /// <summary>
    /// &lt;!DOCTYPE name&gt;, &lt;!DOCTYPE name SYSTEM "uri"&gt; or &lt;!DOCTYPE name PUBLIC "id" "uri"&gt; (old RSS 0.91
    /// feeds carry Netscape's). XmlReader skips it (DtdProcessing.Ignore), so it changes nothing in the tree; an
    /// internal subset ('[') could declare entities and is left to XmlReader.
    /// </summary>
    private bool SkipDocumentType()
    {
        pos += 9;
        if (!SkipWhitespace() || ReadName() is null)
        {
            return false;
        }

        var spaced = SkipWhitespace();
        if (spaced && (Follows("SYSTEM"u8) || Follows("PUBLIC"u8)))
        {
            var isPublic = At(pos) == 'P';
            pos += 6;
            if (!SkipWhitespace() || (isPublic && (!SkipLiteral(publicId: true) || !SkipWhitespace())) || !SkipLiteral(publicId: false))
            {
                return false;
            }

            SkipWhitespace();
        }

        if (At(pos) != '>')
        {
            return false;
        }

        pos++;
        return true;
    }

    private bool SkipLiteral(bool publicId)
    {
        var quote = At(pos);
        if (quote is not ((byte)'"' or (byte)'\''))
        {
            return false;
        }

        var length = data[(pos + 1)..].IndexOf(quote);
        if (length < 0)
        {
            return false;
        }

        var literal = data.Slice(pos + 1, length);
        if (publicId ? literal.IndexOfAnyExcept(Utf8XmlBytes.PublicIdCharacters) >= 0 : literal.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) >= 0)
        {
            return false;
        }

        pos += length + 2;
        return true;
    }

    private bool SkipComment()
    {
        pos += 4;
        var end = data[pos..].IndexOf("--"u8);
        if (end < 0 || At(pos + end + 2) != '>')
        {
            return false;
        }

        pos += end + 3;
        return true;
    }

    private bool ReadCData()
    {
        pos += 9;
        var end = data[pos..].IndexOf("]]>"u8);
        if (end < 0)
        {
            return false;
        }

        var content = data.Slice(pos, end);
        pos += end + 3;
        var text = content.IndexOf((byte)'\r') < 0 ? Encoding.UTF8.GetString(content) : Decode(content, Utf8TextKind.CData);

        // XmlReader reports an empty CDATA section too, which makes an otherwise empty element hold "" rather than
        // nothing; appended the same way, the trees match.
        StrictXmlReader.AppendText(state.Open[depth - 1].Node, text!);
        return true;
    }

    /// <summary>Character data up to the next '&lt;', with references decoded and line ends normalised.</summary>
    private bool ReadText()
    {
        // Short runs (indentation, most titles) in one scalar pass; longer ones with vectorised searches.
        var rest = data[pos..];
        for (var i = 0; i < rest.Length && i < ShortValue; i++)
        {
            var b = rest[i];
            if (b == '<')
            {
                var shortRun = rest[..i];
                pos += i;
                if (Indentation(shortRun) is { } indentation)
                {
                    state.Open[depth - 1].Node.AppendText(indentation);
                }
                else
                {
                    StrictXmlReader.AppendText(state.Open[depth - 1].Node, Encoding.UTF8.GetString(shortRun));
                }

                return true;
            }

            if (b is (byte)'&' or (byte)'\r' or (byte)']')
            {
                break;
            }
        }

        var length = rest.IndexOf((byte)'<');
        if (length < 0)
        {
            return false;
        }

        var run = data.Slice(pos, length);
        pos += length;
        string? text;
        var special = run.IndexOfAny((byte)'&', (byte)'\r', (byte)']');
        if (special < 0)
        {
            text = Indentation(run) ?? Encoding.UTF8.GetString(run);
        }
        else if (run[special..].IndexOf((byte)']') >= 0 && run.IndexOf("]]>"u8) >= 0)
        {
            return false;
        }
        else
        {
            text = run[special..].IndexOfAny((byte)'&', (byte)'\r') < 0
                ? Encoding.UTF8.GetString(run)
                : Decode(run, Utf8TextKind.Text);
            if (text is null)
            {
                return false;
            }
        }

        StrictXmlReader.AppendText(state.Open[depth - 1].Node, text);
        return true;
    }

    private readonly string? Decode(ReadOnlySpan<byte> run, Utf8TextKind kind)
    {
        var buffer = state.Text.Reserve(run.Length);
        var written = Utf8TextDecoder.Decode(run, buffer, kind);
        return written < 0 ? null : new string(buffer[..written]);
    }

    /// <summary>The shared string for a line break followed by up to 32 spaces or tabs (most whitespace runs of a feed).</summary>
    private static string? Indentation(ReadOnlySpan<byte> run)
    {
        if (run.Length > 33 || run[0] != '\n')
        {
            return null;
        }

        if (run.Length == 1)
        {
            return SpaceIndents[0];
        }

        var c = run[1];
        if (c is not ((byte)' ' or (byte)'\t') || run[1..].IndexOfAnyExcept(c) >= 0)
        {
            return null;
        }

        return (c == ' ' ? SpaceIndents : TabIndents)[run.Length - 1];
    }

    private Utf8Name? ReadName()
    {
        var start = pos;
        if (!Utf8XmlBytes.IsNameStart(At(pos)))
        {
            return null;
        }

        pos++;
        while (Utf8XmlBytes.IsNameChar(At(pos)))
        {
            pos++;
        }

        return state.Names.Get(data[start..pos]);
    }

    private bool ReadStartTag()
    {
        pos++;
        if (ReadName() is not { } name)
        {
            return false;
        }

        var attributes = state.Attributes;
        var count = 0;
        bool empty;
        while (true)
        {
            var spaced = SkipWhitespace();
            var b = At(pos);
            if (b == '>')
            {
                pos++;
                empty = false;
                break;
            }

            if (b == '/')
            {
                if (At(pos + 1) != '>')
                {
                    return false;
                }

                pos += 2;
                empty = true;
                break;
            }

            if (!spaced || count == attributes.Length)
            {
                return false;
            }

            if (ReadName() is not { } attributeName)
            {
                return false;
            }

            SkipWhitespace();
            if (At(pos) != '=')
            {
                return false;
            }

            pos++;
            SkipWhitespace();
            if (ReadAttributeValue(attributeName.IsPrefixDeclaration || attributeName.IsDefaultNamespaceDeclaration) is not { } value)
            {
                return false;
            }

            attributes[count++] = new Utf8PendingAttribute { Name = attributeName, Value = value };
            MaxAttributesUsed = Math.Max(MaxAttributesUsed, count);
        }

        var scope = state.Scope;
        var namespaceCount = scope.Count;
        if ((count > 0 && !DeclareNamespaces(attributes.AsSpan(0, count)))
            || name.IsXmlPrefixed || name.IsPrefixDeclaration || name.IsDefaultNamespaceDeclaration
            || scope.Lookup(name.Prefix) is not { } elementNamespace)
        {
            return false;
        }

        var parent = depth > 0 ? state.Open[depth - 1].Node : null;
        var node = new XmlNode(Namespaces.Normalize(elementNamespace), name.LocalName, name.Prefix)
        {
            BaseUri = parent?.BaseUri ?? documentUri,
            Language = parent?.Language,
        };
        if (count > 0 && !AddAttributes(node, attributes.AsSpan(0, count)))
        {
            return false;
        }

        if (parent is null)
        {
            root = node;
        }
        else
        {
            parent.AddChild(node);
        }

        if (empty)
        {
            scope.Count = namespaceCount;
            return true;
        }

        // The same depth rule as StrictXmlReader (which hands deeper documents to the lenient reader).
        if (depth >= LenientXmlReader.MaxDepth)
        {
            return false;
        }

        if (depth == state.Open.Length)
        {
            state.GrowOpen();
        }

        state.Open[depth++] = new Utf8OpenElement { Node = node, Name = name, NamespaceCount = namespaceCount };
        MaxDepthReached = Math.Max(MaxDepthReached, depth);
        return true;
    }

    private readonly bool DeclareNamespaces(Span<Utf8PendingAttribute> attributes)
    {
        var scope = state.Scope;
        foreach (ref var a in attributes)
        {
            if ((a.Name.IsDefaultNamespaceDeclaration || a.Name.IsPrefixDeclaration) && scope.Count >= Utf8NamespaceScope.MaxBindings)
            {
                return false;
            }

            if (a.Name.IsDefaultNamespaceDeclaration)
            {
                if (a.Value is Namespaces.Xml or Utf8NamespaceScope.XmlnsNamespace)
                {
                    return false;
                }

                scope.Declare(string.Empty, a.Value);
            }
            else if (a.Name.IsPrefixDeclaration)
            {
                if (a.Value.Length == 0 || a.Name.LocalName is "xml" or "xmlns" || a.Value is Namespaces.Xml or Utf8NamespaceScope.XmlnsNamespace)
                {
                    return false;
                }

                scope.Declare(a.Name.LocalName, a.Value);
            }
        }

        return true;
    }

    private readonly bool AddAttributes(XmlNode node, Span<Utf8PendingAttribute> attributes)
    {
        var scope = state.Scope;
        for (var i = 0; i < attributes.Length; i++)
        {
            ref var a = ref attributes[i];
            var name = a.Name;
            if (name.IsDefaultNamespaceDeclaration || name.IsPrefixDeclaration)
            {
                a.NamespaceUri = Utf8NamespaceScope.XmlnsNamespace;
            }
            else if (name.Prefix.Length == 0)
            {
                a.NamespaceUri = string.Empty;
            }
            else if (name.IsXmlPrefixed)
            {
                a.NamespaceUri = Namespaces.Xml;
                if (name.LocalName is not ("base" or "lang" or "space") || (name.LocalName == "space" && a.Value is not ("default" or "preserve")))
                {
                    return false;
                }
            }
            else
            {
                if (scope.Lookup(name.Prefix) is not { } uri)
                {
                    return false;
                }

                a.NamespaceUri = uri;
            }

            for (var j = 0; j < i; j++)
            {
                ref var earlier = ref attributes[j];
                if (ReferenceEquals(earlier.Name, name)
                    || (a.NamespaceUri.Length > 0 && string.Equals(earlier.Name.LocalName, name.LocalName, StringComparison.Ordinal)
                        && string.Equals(earlier.NamespaceUri, a.NamespaceUri, StringComparison.Ordinal)))
                {
                    return false;
                }
            }
        }

        node.ReserveAttributes(attributes.Length);
        foreach (ref var a in attributes)
        {
            if (a.Name.IsXmlPrefixed)
            {
                if (a.Name.LocalName == "base")
                {
                    node.BaseUri = BaseUris.Combine(node.BaseUri, a.Value);
                }
                else if (a.Name.LocalName == "lang")
                {
                    node.Language = a.Value;
                }
            }

            node.AddAttribute(new XmlAttr(a.NamespaceUri, a.Name.LocalName, a.Name.Prefix, a.Value));
        }

        return true;
    }

    /// <summary>
    /// A quoted attribute value, normalised as XML requires: literal tab, CR, LF (and CRLF) become a space. Namespace
    /// URIs and short values come from the per-thread string table.
    /// </summary>
    private string? ReadAttributeValue(bool namespaceDeclaration)
    {
        var quote = At(pos);
        if (quote is not ((byte)'"' or (byte)'\''))
        {
            return null;
        }

        pos++;
        var rest = data[pos..];

        // Most values are short: one scalar pass finds the closing quote and anything that needs attention, where
        // three vectorised searches would each cost more than the whole value.
        var length = -1;
        var plain = true;
        for (var i = 0; i < rest.Length && i < ShortValue; i++)
        {
            var b = rest[i];
            if (b == quote)
            {
                length = i;
                break;
            }

            if (b is (byte)'<' or (byte)'&' or (byte)'\t' or (byte)'\n' or (byte)'\r')
            {
                plain = false;
                break;
            }
        }

        if (length < 0)
        {
            length = rest.IndexOf(quote);
            if (length < 0)
            {
                return null;
            }

            plain = rest[..length].IndexOfAny(Utf8XmlBytes.AttributeSpecials) < 0 && rest[..length].IndexOf((byte)'<') < 0;
        }

        var value = rest[..length];
        pos += length + 1;
        if (plain)
        {
            return value.IsEmpty ? string.Empty
                : namespaceDeclaration || value.Length <= ShortValue / 2 ? state.Values.Get(value)
                : Encoding.UTF8.GetString(value);
        }

        return value.IndexOf((byte)'<') >= 0 ? null : Decode(value, Utf8TextKind.Attribute);
    }

    private bool ReadEndTag()
    {
        pos += 2;
        var open = state.Open[depth - 1];
        var expected = open.Name.Bytes;
        if (!data[pos..].StartsWith(expected) || Utf8XmlBytes.IsNameChar(At(pos + expected.Length)))
        {
            return false;
        }

        pos += expected.Length;
        SkipWhitespace();
        if (At(pos) != '>')
        {
            return false;
        }

        pos++;
        state.Scope.Count = open.NamespaceCount;
        depth--;
        return true;
    }
}
