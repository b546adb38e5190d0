using System.Text;

namespace FeedWatch.Core.Articles.Parsing;

/// <summary>
/// Flattens absurdly deep element nesting before the HTML parser sees it. Parsing cost in the HTML algorithm grows
/// with the depth of open elements (scope checks walk the stack; nested &lt;b&gt; run the adoption agency), so
/// 100,000 nested &lt;div&gt; or 20,000 nested &lt;b&gt; cost AngleSharp tens of seconds to minutes — a hostile page
/// could stall a worker. Tags that would open deeper than <see cref="MaxDepth"/> (and their end tags) are dropped,
/// their text kept; the extractor ignores anything that deep anyway. Elements whose end tag is optional (p, li, td …)
/// and void elements are not counted, so ordinary broken pages are untouched. One linear scan; the page is copied
/// only when something is dropped.
/// </summary>
public static class NestingLimiter
{
    public const int MaxDepth = 1_000;

    public static string Limit(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        StringBuilder? output = null;
        var copiedUpTo = 0;
        var depth = 0;
        var dropped = 0;
        for (var lt = html.IndexOf('<', StringComparison.Ordinal); lt >= 0 && lt + 1 < html.Length; lt = html.IndexOf('<', lt + 1))
        {
            var closing = html[lt + 1] == '/';
            var nameStart = closing ? lt + 2 : lt + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && char.IsAsciiLetterOrDigit(html[nameEnd]))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !IsCounted(html.AsSpan(nameStart, nameEnd - nameStart)))
            {
                continue;
            }

            var tagEnd = TagEnd(html, nameEnd);
            var selfClosing = !closing && tagEnd > 0 && html[tagEnd - 1] == '/';
            bool drop;
            if (closing)
            {
                drop = dropped > 0;
                if (drop)
                {
                    dropped--;
                }
                else
                {
                    depth = Math.Max(0, depth - 1);
                }
            }
            else
            {
                drop = dropped > 0 || depth >= MaxDepth;
                if (drop && !selfClosing)
                {
                    dropped++;
                }
                else if (!selfClosing)
                {
                    depth++;
                }
            }

            if (drop)
            {
                output ??= new StringBuilder(html.Length);
                output.Append(html, copiedUpTo, lt - copiedUpTo);
                copiedUpTo = tagEnd + 1;
                lt = tagEnd;
            }
        }

        if (output is null)
        {
            return html;
        }

        output.Append(html, copiedUpTo, html.Length - copiedUpTo);
        return output.ToString();
    }

    /// <summary>Index of the tag's closing '&gt;', skipping quoted attribute values; the last index if unterminated.</summary>
    private static int TagEnd(string html, int from)
    {
        var quote = '\0';
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i;
            }
        }

        return html.Length - 1;
    }

    private static bool IsCounted(ReadOnlySpan<char> name)
    {
        Span<char> lower = stackalloc char[Math.Min(name.Length, 16)];
        if (name.Length > 16)
        {
            return true;
        }

        name.ToLowerInvariant(lower);
        return lower switch
        {
            // Void elements never open; elements with optional end tags are closed implicitly by the parser.
            "area" or "base" or "br" or "col" or "embed" or "hr" or "img" or "input" or "link" or "meta" or "param" or "source"
                or "track" or "wbr" or "p" or "li" or "dt" or "dd" or "option" or "optgroup" or "tr" or "td" or "th" or "thead"
                or "tbody" or "tfoot" or "colgroup" or "caption" or "rb" or "rt" or "rp" or "rtc" or "html" or "head" or "body" => false,
            _ => true,
        };
    }
}
