using System.Text;

namespace FeedWatch.Core.Feeds.Xml;

/// <summary>
/// The recovery path for documents <see cref="StrictXmlReader"/> rejects: a forgiving tokenizer that decodes HTML
/// entities, keeps bare ampersands, drops control characters, closes unclosed elements, ignores stray end tags and
/// resolves undeclared prefixes by convention — recording each repair so the result can be marked not well-formed.
/// It never expands DTD entities and never resolves anything external.
/// </summary>
internal sealed class LenientXmlReader
{
    internal const int MaxDepth = 512;

    private readonly string s;
    private readonly ProblemLog problems;
    private readonly List<Frame> stack = [];
    private readonly StringBuilder text = new();
    private int pos;
    private XmlNode? root;

    private LenientXmlReader(string source, ProblemLog problems)
    {
        s = source;
        this.problems = problems;
    }

    public static XmlNode? Read(string source, Uri? documentUri, ProblemLog problems)
    {
        var reader = new LenientXmlReader(source, problems);
        return reader.Run(documentUri);
    }

    private XmlNode? Run(Uri? documentUri)
    {
        while (pos < s.Length)
        {
            var c = s[pos];
            if (c == '<')
            {
                FlushText();
                ReadMarkup(documentUri);
            }
            else if (c == '&')
            {
                LenientReferences.Read(s, ref pos, text, problems);
            }
            else
            {
                LenientReferences.AppendChar(text, c, problems);
                pos++;
            }
        }

        FlushText();
        foreach (var open in stack)
        {
            problems.Add($"unclosed element <{open.RawName}> at end of document");
        }

        return root;
    }

    private void ReadMarkup(Uri? documentUri)
    {
        if (Starts("<!--"))
        {
            SkipPast("-->", 4);
        }
        else if (Starts("<![CDATA["))
        {
            var end = s.IndexOf("]]>", pos + 9, StringComparison.Ordinal);
            var stop = end < 0 ? s.Length : end;
            if (stack.Count > 0)
            {
                StrictXmlReader.AppendText(stack[^1].Node, s[(pos + 9)..stop]);
            }

            if (end < 0)
            {
                problems.Add("unterminated CDATA section");
            }

            pos = end < 0 ? s.Length : end + 3;
        }
        else if (Starts("<!"))
        {
            SkipDeclaration();
        }
        else if (Starts("<?"))
        {
            SkipPast("?>", 2);
        }
        else if (Starts("</"))
        {
            ReadEndTag();
        }
        else if (pos + 1 < s.Length && IsNameStart(s[pos + 1]))
        {
            ReadStartTag(documentUri);
        }
        else
        {
            problems.Add("bare '<' in text");
            text.Append('<');
            pos++;
        }
    }

    private void ReadStartTag(Uri? documentUri)
    {
        pos++;
        var rawName = ReadName();
        List<(string Name, string Value)>? attributes = null;
        var selfClosing = false;
        while (pos < s.Length)
        {
            SkipWhitespace();
            if (pos >= s.Length)
            {
                break;
            }

            var c = s[pos];
            if (c == '>')
            {
                pos++;
                break;
            }

            if (c == '/' && pos + 1 < s.Length && s[pos + 1] == '>')
            {
                selfClosing = true;
                pos += 2;
                break;
            }

            if (c == '<')
            {
                problems.Add($"unterminated start tag <{rawName}>");
                break;
            }

            var name = ReadAttributeName();
            if (name.Length == 0)
            {
                pos++;
                continue;
            }

            SkipWhitespace();
            string value;
            if (pos < s.Length && s[pos] == '=')
            {
                pos++;
                SkipWhitespace();
                value = ReadAttributeValue();
            }
            else
            {
                problems.Add($"attribute {name} without a value");
                value = name;
            }

            attributes ??= [];
            if (attributes.Exists(a => a.Name == name))
            {
                problems.Add($"duplicate attribute {name}");
                continue;
            }

            attributes.Add((name, value));
        }

        OpenElement(rawName, attributes, selfClosing, documentUri);
    }

    private void OpenElement(string rawName, List<(string Name, string Value)>? attributes, bool selfClosing, Uri? documentUri)
    {
        var parent = stack.Count > 0 ? stack[^1] : null;
        if (parent is null && root is not null)
        {
            problems.Add($"content after the root element: <{rawName}>");
            return;
        }

        Dictionary<string, string>? scope = null;
        if (attributes is not null)
        {
            foreach (var (name, value) in attributes)
            {
                if (name == "xmlns")
                {
                    (scope ??= [])[string.Empty] = Namespaces.Normalize(value);
                }
                else if (name.StartsWith("xmlns:", StringComparison.Ordinal))
                {
                    (scope ??= [])[name[6..]] = Namespaces.Normalize(value);
                }
            }
        }

        var frame = new Frame(rawName, null!, scope, parent);
        var (prefix, local) = Split(rawName);
        var node = new XmlNode(Resolve(frame, prefix, isElement: true), local, prefix)
        {
            BaseUri = parent?.Node.BaseUri ?? documentUri,
            Language = parent?.Node.Language,
        };
        frame = frame with { Node = node };
        if (attributes is not null)
        {
            foreach (var (name, value) in attributes)
            {
                var (aPrefix, aLocal) = Split(name);
                var ns = name == "xmlns" || aPrefix == "xmlns" ? "http://www.w3.org/2000/xmlns/" : aPrefix.Length == 0 ? string.Empty : Resolve(frame, aPrefix, isElement: false);
                if (ns == Namespaces.Xml && aLocal == "base")
                {
                    node.BaseUri = BaseUris.Combine(node.BaseUri, value);
                }
                else if (ns == Namespaces.Xml && aLocal == "lang")
                {
                    node.Language = value;
                }

                node.AddAttribute(new XmlAttr(ns, aLocal, aPrefix, value));
            }
        }

        if (parent is null)
        {
            root = node;
        }
        else
        {
            parent.Node.AddChild(node);
        }

        if (!selfClosing)
        {
            if (stack.Count >= MaxDepth)
            {
                problems.Add("elements nested too deeply");
                return;
            }

            stack.Add(frame);
        }
    }

    private string Resolve(Frame frame, string prefix, bool isElement)
    {
        if (prefix == "xml")
        {
            return Namespaces.Xml;
        }

        if (prefix.Length == 0 && !isElement)
        {
            return string.Empty;
        }

        for (var f = frame; f is not null; f = f.Parent)
        {
            if (f.Scope is not null && f.Scope.TryGetValue(prefix, out var uri))
            {
                return uri;
            }
        }

        if (prefix.Length == 0)
        {
            return string.Empty;
        }

        var conventional = Namespaces.ForConventionalPrefix(prefix);
        problems.Add($"undeclared namespace prefix '{prefix}'");
        return conventional ?? string.Empty;
    }

    private void ReadEndTag()
    {
        pos += 2;
        var name = ReadName();
        var close = s.IndexOf('>', pos);
        pos = close < 0 ? s.Length : close + 1;
        var index = stack.FindLastIndex(f => f.RawName == name);
        if (index < 0)
        {
            index = stack.FindLastIndex(f => string.Equals(f.RawName, name, StringComparison.OrdinalIgnoreCase));
        }

        if (index < 0)
        {
            problems.Add($"end tag </{name}> without a start tag");
            return;
        }

        for (var i = stack.Count - 1; i > index; i--)
        {
            problems.Add($"unclosed element <{stack[i].RawName}>");
        }

        stack.RemoveRange(index, stack.Count - index);
    }

    private void FlushText()
    {
        if (text.Length == 0)
        {
            return;
        }

        if (stack.Count > 0)
        {
            StrictXmlReader.AppendText(stack[^1].Node, text.ToString());
        }

        text.Clear();
    }

    private string ReadName()
    {
        var start = pos;
        while (pos < s.Length && IsNameChar(s[pos]))
        {
            pos++;
        }

        return s[start..pos];
    }

    private string ReadAttributeName()
    {
        var start = pos;
        while (pos < s.Length && !char.IsWhiteSpace(s[pos]) && s[pos] is not ('=' or '>' or '/' or '<' or '"' or '\''))
        {
            pos++;
        }

        return s[start..pos];
    }

    private string ReadAttributeValue()
    {
        if (pos >= s.Length)
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        var quote = s[pos];
        if (quote is '"' or '\'')
        {
            pos++;
            while (pos < s.Length && s[pos] != quote)
            {
                if (s[pos] == '&')
                {
                    LenientReferences.Read(s, ref pos, sb, problems);
                }
                else if (s[pos] == '<')
                {
                    problems.Add("'<' in attribute value");
                    sb.Append('<');
                    pos++;
                }
                else
                {
                    LenientReferences.AppendChar(sb, s[pos] is '\t' or '\n' or '\r' ? ' ' : s[pos], problems);
                    pos++;
                }
            }

            if (pos < s.Length)
            {
                pos++;
            }
            else
            {
                problems.Add("unterminated attribute value");
            }
        }
        else
        {
            problems.Add("unquoted attribute value");
            while (pos < s.Length && !char.IsWhiteSpace(s[pos]) && s[pos] != '>')
            {
                if (s[pos] == '&')
                {
                    LenientReferences.Read(s, ref pos, sb, problems);
                }
                else
                {
                    sb.Append(s[pos++]);
                }
            }
        }

        return sb.ToString();
    }

    private void SkipDeclaration()
    {
        // <!DOCTYPE …[ internal subset ]> : skipped entirely, its entities are never expanded.
        var depth = 0;
        for (var i = pos + 2; i < s.Length; i++)
        {
            switch (s[i])
            {
                case '[': depth++; break;
                case ']': depth--; break;
                case '>' when depth <= 0:
                    pos = i + 1;
                    return;
            }
        }

        pos = s.Length;
    }

    private void SkipPast(string terminator, int openLength)
    {
        var end = s.IndexOf(terminator, pos + openLength, StringComparison.Ordinal);
        pos = end < 0 ? s.Length : end + terminator.Length;
    }

    private void SkipWhitespace()
    {
        while (pos < s.Length && char.IsWhiteSpace(s[pos]))
        {
            pos++;
        }
    }

    private bool Starts(string token) => string.CompareOrdinal(s, pos, token, 0, token.Length) == 0;

    private static (string Prefix, string Local) Split(string name)
    {
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < name.Length - 1 ? (name[..colon], name[(colon + 1)..]) : (string.Empty, name);
    }

    private static bool IsNameStart(char c) => char.IsLetter(c) || c is '_' or ':';

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or ':' or '-' or '.' || c > 0x7F && !char.IsWhiteSpace(c);

    private sealed record Frame(string RawName, XmlNode Node, Dictionary<string, string>? Scope, Frame? Parent);
}
