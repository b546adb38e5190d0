namespace FeedWatch.Core.Feeds.Xml;

/// <summary>
/// A compact element of a parsed feed document. Both the strict (XmlReader) and the lenient (recovering)
/// reader build these, so every format parser works the same way on good and broken input.
/// Children are <see cref="XmlNode"/> elements or <see cref="string"/> text runs, in document order.
/// </summary>
public sealed class XmlNode(string namespaceUri, string localName, string prefix)
{
    private static readonly List<XmlAttr> NoAttributes = [];

    // Most elements of a feed are leaves holding one text run: they keep that string here instead of a list
    // (null = no children, string = one text run, List<object> = anything else), which halves a leaf's allocation.
    private object? content;

    public string NamespaceUri { get; } = namespaceUri;
    public string LocalName { get; } = localName;
    public string Prefix { get; } = prefix;

    /// <summary>The effective xml:base (after resolving against the parent's and the document URL), if any.</summary>
    public Uri? BaseUri { get; set; }

    public string? Language { get; set; }
    public List<XmlAttr> Attributes { get; private set; } = NoAttributes;

    /// <summary>The children in document order (a struct view: enumerating it allocates nothing).</summary>
    public XmlChildren Children => new(content);

    /// <summary>Sizes the attribute list for a reader that knows how many attributes follow.</summary>
    public void ReserveAttributes(int count)
    {
        if (ReferenceEquals(Attributes, NoAttributes))
        {
            Attributes = new List<XmlAttr>(count);
        }
    }

    public void AddAttribute(XmlAttr attribute)
    {
        if (ReferenceEquals(Attributes, NoAttributes))
        {
            Attributes = [];
        }

        Attributes.Add(attribute);
    }

    public void AddChild(object child)
    {
        switch (content)
        {
            case null when child is string:
                content = child;
                break;
            case List<object> list:
                list.Add(child);
                break;
            case null:
                content = new List<object>(4) { child };
                break;
            default:
                content = new List<object>(4) { content, child };
                break;
        }
    }

    /// <summary>Adds a text run; adjacent runs (text, CDATA, text) are merged so a simple element's text is one string.</summary>
    public void AppendText(string value)
    {
        switch (content)
        {
            case string previous:
                content = string.Concat(previous, value);
                break;
            case List<object> { Count: > 0 } list when list[^1] is string last:
                list[^1] = string.Concat(last, value);
                break;
            default:
                AddChild(value);
                break;
        }
    }

    public bool Is(string namespaceUri, string localName) =>
        string.Equals(LocalName, localName, StringComparison.Ordinal) && string.Equals(NamespaceUri, namespaceUri, StringComparison.Ordinal);

    public string? Attribute(string localName, string namespaceUri = "")
    {
        foreach (var a in Attributes)
        {
            if (string.Equals(a.LocalName, localName, StringComparison.Ordinal) && string.Equals(a.NamespaceUri, namespaceUri, StringComparison.Ordinal))
            {
                return a.Value;
            }
        }

        return null;
    }

    /// <summary>Case-insensitive attribute lookup in no namespace: real feeds write HREF=, Type= …</summary>
    public string? AttributeIgnoreCase(string localName)
    {
        foreach (var a in Attributes)
        {
            if (a.NamespaceUri.Length == 0 && string.Equals(a.LocalName, localName, StringComparison.OrdinalIgnoreCase))
            {
                return a.Value;
            }
        }

        return null;
    }

    /// <summary>The child elements (a struct view: enumerating it allocates nothing).</summary>
    public XmlChildElements Elements() => new(content as List<object>);

    public bool HasElementChildren
    {
        get
        {
            if (content is List<object> list)
            {
                foreach (var c in list)
                {
                    if (c is XmlNode)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }

    /// <summary>All descendant text, concatenated (the XPath string value).</summary>
    public string Text
    {
        get
        {
            switch (content)
            {
                case string only:
                    return only;
                case List<object> list:
                    var sb = new System.Text.StringBuilder();
                    AppendText(sb, list);
                    return sb.ToString();
                default:
                    return string.Empty;
            }
        }
    }

    /// <summary>The children serialised back to markup (for HTML carried unescaped inside an element).</summary>
    public string InnerMarkup()
    {
        if (!HasElementChildren)
        {
            return Text;
        }

        var sb = new System.Text.StringBuilder();
        MarkupWriter.WriteChildren(this, sb);
        return sb.ToString();
    }

    private static void AppendText(System.Text.StringBuilder sb, List<object> children)
    {
        foreach (var c in children)
        {
            switch (c)
            {
                case string s:
                    sb.Append(s);
                    break;
                case XmlNode { content: string s }:
                    sb.Append(s);
                    break;
                case XmlNode { content: List<object> grandChildren }:
                    AppendText(sb, grandChildren);
                    break;
            }
        }
    }
}
