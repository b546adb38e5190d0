using System.Text;

namespace FeedWatch.Core.Feeds.Xml;

/// <summary>
/// The UTF-8 tree builder's elements: names, start tags with namespace declarations and attributes, end tags.
/// </summary>
internal ref partial struct Utf8XmlTreeBuilder
{
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
