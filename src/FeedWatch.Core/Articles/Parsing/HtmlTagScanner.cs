namespace FeedWatch.Core.Articles.Parsing;

/// <summary>Low-level scanning of tag boundaries in page text, shared by the prefilter passes.</summary>
internal static class HtmlTagScanner
{
    /// <summary>
    /// Reads the name of the tag whose '&lt;' is at <paramref name="lt"/> (an end tag when '/' follows; the caller has
    /// checked that two more characters follow). False when no ASCII letter starts a name there: the '&lt;' is text.
    /// </summary>
    public static bool TryReadName(string html, int lt, out bool isEndTag, out int nameStart, out int nameEnd)
    {
        isEndTag = html[lt + 1] == '/';
        nameStart = isEndTag ? lt + 2 : lt + 1;
        if (!char.IsAsciiLetter(html[nameStart]))
        {
            nameEnd = nameStart;
            return false;
        }

        nameEnd = EndOfName(html, nameStart);
        return true;
    }

    /// <summary>The index just past a tag name (ASCII letters, digits and '-') that starts at <paramref name="from"/>.</summary>
    public static int EndOfName(string html, int from)
    {
        var end = from;
        while (end < html.Length && (char.IsAsciiLetterOrDigit(html[end]) || html[end] == '-'))
        {
            end++;
        }

        return end;
    }

    /// <summary>Index of the '&gt;' closing a tag, skipping quoted attribute values; -1 if the page ends first.</summary>
    public static int EndOfTag(string html, int from)
    {
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (c == '>')
            {
                return i;
            }

            if ((c == '"' || c == '\'') && IsAttributeValueStart(html, i))
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

    private static bool IsAttributeValueStart(string html, int quote)
    {
        var j = quote - 1;
        while (j > 0 && html[j] == ' ')
        {
            j--;
        }

        return html[j] == '=';
    }

    public static int IndexOfClosingTag(string html, ReadOnlySpan<char> name, int from)
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
