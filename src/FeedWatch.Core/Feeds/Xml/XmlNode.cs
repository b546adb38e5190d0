namespace FeedWatch.Core.Feeds.Xml;

/// <summary>
/// A compact element of a parsed feed document. Both the strict (XmlReader) and the lenient (recovering)
/// reader build these, so every format parser works the same way on good and broken input.
/// Children are <see cref="XmlNode"/> elements or <see cref="string"/> text runs, in document order.
/// </summary>
public sealed class XmlNode(string namespaceUri, string localName, string prefix)
{
    private static readonly List<object> NoChildren = [];
    private static readonly List<XmlAttr> NoAttributes = [];

    public string NamespaceUri { get; } = namespaceUri;
    public string LocalName { get; } = localName;
    public string Prefix { get; } = prefix;

    /// <summary>The effective xml:base (after resolving against the parent's and the document URL), if any.</summary>
    public Uri? BaseUri { get; set; }

    public string? Language { get; set; }
    public List<XmlAttr> Attributes { get; private set; } = NoAttributes;
    public List<object> Children { get; private set; } = NoChildren;

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
        if (ReferenceEquals(Children, NoChildren))
        {
            Children = [];
        }

        Children.Add(child);
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

    public IEnumerable<XmlNode> Elements()
    {
        foreach (var c in Children)
        {
            if (c is XmlNode e)
            {
                yield return e;
            }
        }
    }

    public bool HasElementChildren
    {
        get
        {
            foreach (var c in Children)
            {
                if (c is XmlNode)
                {
                    return true;
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
            if (Children.Count == 1 && Children[0] is string only)
            {
                return only;
            }

            if (Children.Count == 0)
            {
                return string.Empty;
            }

            var sb = new System.Text.StringBuilder();
            AppendText(sb);
            return sb.ToString();
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

    private void AppendText(System.Text.StringBuilder sb)
    {
        foreach (var c in Children)
        {
            if (c is string s)
            {
                sb.Append(s);
            }
            else
            {
                ((XmlNode)c).AppendText(sb);
            }
        }
    }
}
