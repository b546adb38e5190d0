namespace FeedWatch.Core.Articles.Parsing;

/// <summary>
/// Leaves out, while the prefilter copies a start tag, the attributes nothing downstream reads: srcset, data-*,
/// event handlers, inline JSON in data attributes, tracking ids … On news pages attribute values are half of what
/// is left after the scripts go, and the parser would build a string and an attribute node for each.
/// What metadata, boilerplate rules and scoring read is kept (the list below); a tag whose attributes do not scan
/// cleanly is copied unchanged.
/// </summary>
internal static class AttributeFilter
{
    private static readonly HashSet<string> Kept = new(StringComparer.OrdinalIgnoreCase)
    {
        // boilerplate rules, scoring, paywall markers
        "class", "id", "style", "itemprop", "role", "aria-hidden", "hidden", "data-paywall", "subscriptions-section",
        // metadata: meta / link / script / time / html / base
        "name", "property", "content", "value", "http-equiv", "charset", "rel", "href", "type", "datetime", "pubdate",
        "lang", "xml:lang", "amp", "⚡", "itemscope", "itemtype",
    };

    /// <summary>Copies html[copiedUpTo, tagEnd) into <paramref name="builder"/> without dropped attributes, as far as needed.</summary>
    public static void Copy(string html, int nameEnd, int tagEnd, PrefilterOutput builder, ref int copiedUpTo)
    {
        var kept = Kept.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<(int Start, int End)> drops = stackalloc (int, int)[16];
        var dropCount = 0;
        var i = nameEnd;
        while (i < tagEnd)
        {
            var c = html[i];
            if (char.IsWhiteSpace(c) || c == '/')
            {
                i++;
                continue;
            }

            var attributeStart = i;
            while (i < tagEnd && !char.IsWhiteSpace(html[i]) && html[i] is not ('/' or '=' or '>'))
            {
                i++;
            }

            var name = html.AsSpan(attributeStart, i - attributeStart);
            var afterName = i;
            while (i < tagEnd && char.IsWhiteSpace(html[i]))
            {
                i++;
            }

            var attributeEnd = afterName;
            if (i < tagEnd && html[i] == '=')
            {
                i++;
                while (i < tagEnd && char.IsWhiteSpace(html[i]))
                {
                    i++;
                }

                if (i < tagEnd && html[i] is '"' or '\'')
                {
                    var close = html.IndexOf(html[i], i + 1, tagEnd - i - 1);
                    if (close < 0)
                    {
                        return; // does not scan the way the tag end was found: leave the tag alone
                    }

                    i = close + 1;
                }
                else
                {
                    while (i < tagEnd && !char.IsWhiteSpace(html[i]))
                    {
                        i++;
                    }
                }

                attributeEnd = i;
            }

            if (name.Length > 0 && !kept.Contains(name))
            {
                if (dropCount == drops.Length)
                {
                    Flush(html, drops, dropCount, builder, ref copiedUpTo);
                    dropCount = 0;
                }

                drops[dropCount++] = (attributeStart, attributeEnd);
            }
        }

        Flush(html, drops, dropCount, builder, ref copiedUpTo);
    }

    private static void Flush(string html, ReadOnlySpan<(int Start, int End)> drops, int count, PrefilterOutput builder, ref int copiedUpTo)
    {
        for (var d = 0; d < count; d++)
        {
            builder.Append(html, copiedUpTo, drops[d].Start - copiedUpTo);
            copiedUpTo = drops[d].End;
        }
    }
}
