using System.Text;

namespace FeedWatch.Core.Feeds.Xml;

/// <summary>Serialises element children back to markup: inline XHTML content and unescaped HTML in RSS descriptions.</summary>
internal static class MarkupWriter
{
    public static void WriteChildren(XmlNode node, StringBuilder sb)
    {
        foreach (var child in node.Children)
        {
            if (child is string text)
            {
                Escape(text, sb, attribute: false);
            }
            else
            {
                WriteElement((XmlNode)child, sb);
            }
        }
    }

    private static void WriteElement(XmlNode e, StringBuilder sb)
    {
        sb.Append('<');
        // Inline XHTML is written without a prefix: the consumer reads it as HTML.
        sb.Append(e.LocalName);
        foreach (var a in e.Attributes)
        {
            if (a.Prefix == "xmlns" || (a.Prefix.Length == 0 && a.LocalName == "xmlns"))
            {
                continue;
            }

            sb.Append(' ');
            if (a.Prefix.Length > 0)
            {
                sb.Append(a.Prefix).Append(':');
            }

            sb.Append(a.LocalName).Append("=\"");
            Escape(a.Value, sb, attribute: true);
            sb.Append('"');
        }

        if (e.Children.Count == 0 && IsVoid(e.LocalName))
        {
            sb.Append(" />");
            return;
        }

        sb.Append('>');
        WriteChildren(e, sb);
        sb.Append("</").Append(e.LocalName).Append('>');
    }

    private static bool IsVoid(string name) => name is "br" or "hr" or "img" or "input" or "meta" or "link" or "area" or "base" or "col" or "embed" or "param" or "source" or "track" or "wbr";

    private static void Escape(string text, StringBuilder sb, bool attribute)
    {
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"' when attribute: sb.Append("&quot;"); break;
                default: sb.Append(ch); break;
            }
        }
    }
}
