using System.Text;

namespace FeedWatch.Core.Feeds.Xml;

/// <summary>
/// The UTF-8 tree builder's markup around the elements: XML declaration, comments, processing instructions and a
/// DOCTYPE without internal subset.
/// </summary>
internal ref partial struct Utf8XmlTreeBuilder
{
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
}
