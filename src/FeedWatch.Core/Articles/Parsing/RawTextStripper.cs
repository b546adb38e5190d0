using System.Text;

namespace FeedWatch.Core.Articles.Parsing;

/// <summary>
/// Empties the parts of a page that can never be article text before the HTML parser sees them: script bodies
/// (except JSON-LD, which metadata needs), style sheets, inline SVG, noscript, templates and comments. On news pages
/// these are more than half of all characters, so the parser does half the work. Tags are scanned with their
/// quoted attributes, so a "&lt;script&gt;" inside an attribute value is not mistaken for a tag.
/// </summary>
public static class RawTextStripper
{
    public static string Strip(string html)
    {
        var builder = new StringBuilder(html.Length / 2);
        var copiedUpTo = 0;
        var position = 0;
        while (true)
        {
            var lt = html.IndexOf('<', position);
            if (lt < 0 || lt + 1 >= html.Length)
            {
                break;
            }

            if (string.CompareOrdinal(html, lt + 1, "!--", 0, 3) == 0)
            {
                var end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                var stop = end < 0 ? html.Length : end + 3;
                builder.Append(html, copiedUpTo, lt - copiedUpTo);
                copiedUpTo = position = stop;
                continue;
            }

            if (!char.IsAsciiLetter(html[lt + 1]))
            {
                position = lt + 1;
                continue;
            }

            var nameEnd = lt + 1;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-'))
            {
                nameEnd++;
            }

            var tagEnd = EndOfTag(html, nameEnd);
            if (tagEnd < 0)
            {
                break;
            }

            var name = html.AsSpan(lt + 1, nameEnd - lt - 1);
            if (IsStripped(name) && !IsJsonLd(html.AsSpan(lt, tagEnd - lt), name))
            {
                var close = IndexOfClosingTag(html, name, tagEnd + 1);
                var bodyEnd = close < 0 ? html.Length : close;
                builder.Append(html, copiedUpTo, tagEnd + 1 - copiedUpTo);
                copiedUpTo = position = bodyEnd;
                continue;
            }

            position = tagEnd + 1;
        }

        if (copiedUpTo == 0)
        {
            return html;
        }

        builder.Append(html, copiedUpTo, html.Length - copiedUpTo);
        return builder.ToString();
    }

    private static bool IsStripped(ReadOnlySpan<char> name) =>
        name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)
        || name.Equals("svg", StringComparison.OrdinalIgnoreCase) || name.Equals("noscript", StringComparison.OrdinalIgnoreCase)
        || name.Equals("template", StringComparison.OrdinalIgnoreCase);

    private static bool IsJsonLd(ReadOnlySpan<char> openTag, ReadOnlySpan<char> name) =>
        name.Equals("script", StringComparison.OrdinalIgnoreCase) && openTag.Contains("ld+json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Index of the '&gt;' closing the start tag, skipping quoted attribute values; -1 if the page ends first.</summary>
    private static int EndOfTag(string html, int from)
    {
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (c == '>')
            {
                return i;
            }

            if ((c == '"' || c == '\'') && i > 0 && html[i - 1] == '=' || (c == '"' || c == '\'') && i > 1 && html[i - 1] == ' ' && html[i - 2] == '=')
            {
                var close = html.IndexOf(c, i + 1);
                if (close < 0)
                {
                    return -1;
                }

                i = close;
            }
        }

        return -1;
    }

    private static int IndexOfClosingTag(string html, ReadOnlySpan<char> name, int from)
    {
        var search = from;
        while (search < html.Length)
        {
            var found = html.AsSpan(search).IndexOf("</", StringComparison.Ordinal);
            if (found < 0)
            {
                return -1;
            }

            var at = search + found;
            if (at + 2 + name.Length <= html.Length && html.AsSpan(at + 2, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return at;
            }

            search = at + 2;
        }

        return -1;
    }
}
