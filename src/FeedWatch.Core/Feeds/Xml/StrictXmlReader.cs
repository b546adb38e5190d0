using System.Xml;

namespace FeedWatch.Core.Feeds.Xml;

/// <summary>
/// The fast path: builds the tree with a forward-only <see cref="XmlReader"/> (no DTD processing, no resolver).
/// Throws <see cref="XmlException"/> on the first well-formedness error; the caller then falls back to the
/// <see cref="LenientXmlReader"/>.
/// </summary>
public static class StrictXmlReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        CheckCharacters = true,
        MaxCharactersFromEntities = 0,
        CloseInput = false,
    };

    // Per thread: the settings carry this thread's reusable name table (a parse runs on one thread, start to end).
    [ThreadStatic]
    private static XmlReaderSettings? threadSettings;

    public static XmlNode Read(TextReader text, Uri? documentUri)
    {
        var settings = SettingsForThread();
        using (var reader = XmlReader.Create(text, settings))
        {
            return Read(reader, documentUri);
        }
    }

    /// <summary>
    /// Reads UTF-8 bytes directly (the caller has checked they are valid UTF-8 and declare nothing else): no decoded
    /// copy of the document, and the reader sizes its buffers to the input, which matters for small feeds.
    /// </summary>
    public static XmlNode Read(Stream utf8, Uri? documentUri)
    {
        var settings = SettingsForThread();
        using (var reader = XmlReader.Create(utf8, settings))
        {
            return Read(reader, documentUri);
        }
    }

    private static XmlReaderSettings SettingsForThread()
    {
        if (threadSettings?.NameTable is ReusableNameTable { NewCharacters: <= ReusableNameTable.MaxNewCharacters })
        {
            return threadSettings;
        }

        var settings = Settings.Clone();
        settings.NameTable = new ReusableNameTable();
        threadSettings = settings;
        return settings;
    }

    private static XmlNode Read(XmlReader reader, Uri? documentUri)
    {
        XmlNode? root = null;
        var stack = new Stack<XmlNode>();
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var parent = stack.Count > 0 ? stack.Peek() : null;
                    var node = new XmlNode(Namespaces.Normalize(reader.NamespaceURI), reader.LocalName, reader.Prefix)
                    {
                        BaseUri = parent?.BaseUri ?? documentUri,
                        Language = parent?.Language,
                    };
                    if (reader.HasAttributes)
                    {
                        ReadAttributes(reader, node);
                    }

                    if (parent is null)
                    {
                        root ??= node;
                    }
                    else
                    {
                        parent.AddChild(node);
                    }

                    if (!reader.IsEmptyElement)
                    {
                        // Everything that walks the tree recurses; a hostile 200k-deep document would overflow the
                        // stack. The lenient reader caps the depth and records the problem, so hand it over.
                        if (stack.Count >= LenientXmlReader.MaxDepth)
                        {
                            throw new XmlException("elements nested too deeply");
                        }

                        stack.Push(node);
                    }

                    break;
                case XmlNodeType.EndElement:
                    stack.Pop();
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.SignificantWhitespace:
                case XmlNodeType.Whitespace:
                    if (stack.Count > 0)
                    {
                        AppendText(stack.Peek(), reader.Value);
                    }

                    break;
                default:
                    break;
            }
        }

        return root ?? throw new XmlException("the document has no root element");
    }

    /// <summary>Adjacent text runs (text, CDATA, text) are merged so Text of a simple element is one string.</summary>
    internal static void AppendText(XmlNode node, string value)
    {
        if (value.AsSpan().IndexOfAnyInRange('\u0080', '\u009F') >= 0)
        {
            // C1 controls in feeds are Windows-1252 characters written as &#146; and friends: read them as meant.
            value = string.Create(value.Length, value, static (span, source) =>
            {
                for (var i = 0; i < source.Length; i++)
                {
                    span[i] = Cp1252.Map(source[i]);
                }
            });
        }

        node.AppendText(value);
    }

    private static void ReadAttributes(XmlReader reader, XmlNode node)
    {
        while (reader.MoveToNextAttribute())
        {
            var ns = reader.NamespaceURI;
            if (ns == Namespaces.Xml)
            {
                if (reader.LocalName == "base")
                {
                    node.BaseUri = BaseUris.Combine(node.BaseUri, reader.Value);
                }
                else if (reader.LocalName == "lang")
                {
                    node.Language = reader.Value;
                }
            }

            node.AddAttribute(new XmlAttr(ns, reader.LocalName, reader.Prefix, reader.Value));
        }

        reader.MoveToElement();
    }
}
