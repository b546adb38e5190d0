using System.Buffers;

namespace FeedWatch.Core.Articles.Parsing;

/// <summary>
/// Prepares page text for the HTML parser in one linear scan:
/// <list type="bullet">
/// <item>empties what can never be article text (script bodies except JSON-LD, style sheets, inline SVG, noscript,
/// templates, comments): on news pages that is more than half of all characters, so the parser does half the work;</item>
/// <item>empties containers that are never article text (navigation, asides, footers; see <see cref="NonContentRegion"/>):
/// about a third of a news page's elements;</item>
/// <item>leaves out &lt;link&gt; elements metadata does not read (style sheets, preloads, icons);</item>
/// <item>leaves out attributes nothing downstream reads (see <see cref="AttributeFilter"/>);</item>
/// <item>bounds nesting: start tags deeper than the limit are dropped with their matching end tags (text kept),
/// because tree construction cost grows with the square of the nesting depth and a page of 50,000 nested divs
/// would otherwise take minutes.</item>
/// </list>
/// Tags are scanned with their quoted attributes, so a "&lt;script&gt;" inside an attribute value is not a tag.
/// </summary>
public static class HtmlPrefilter
{
    /// <summary>Elements the parser closes implicitly or that never have content; they do not count as nesting.</summary>
    internal static readonly HashSet<string> UncountedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "colgroup", "rb", "rt", "rp",
        "html", "head", "body", "image", "keygen", "basefont", "bgsound", "frame",
    };

    public static PrefilteredHtml Prepare(string html, int maxDepth, bool emptyNonContentRegions = true)
    {
        using var builder = new PrefilterOutput(html.Length);
        var copiedUpTo = 0;
        var position = 0;
        var depth = 0;
        var droppedOpen = 0;
        var flattened = false;
        var noEmptyingBefore = 0;
        while (true)
        {
            var lt = html.IndexOf('<', position);
            if (lt < 0 || lt + 2 >= html.Length)
            {
                break;
            }

            var next = html[lt + 1];
            if (next == '!' && string.CompareOrdinal(html, lt + 1, "!--", 0, 3) == 0)
            {
                var end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                var stop = end < 0 ? html.Length : end + 3;
                builder.Append(html, copiedUpTo, lt - copiedUpTo);
                copiedUpTo = position = stop;
                continue;
            }

            if (!HtmlTagScanner.TryReadName(html, lt, out var isEndTag, out var nameStart, out var nameEnd))
            {
                position = lt + 1;
                continue;
            }

            var tagEnd = HtmlTagScanner.EndOfTag(html, nameEnd);
            if (tagEnd < 0)
            {
                break;
            }

            var name = html.AsSpan(nameStart, nameEnd - nameStart);
            var counted = !UncountedTags.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name);
            if (isEndTag)
            {
                if (counted && droppedOpen > 0)
                {
                    builder.Append(html, copiedUpTo, lt - copiedUpTo);
                    copiedUpTo = tagEnd + 1;
                    droppedOpen--;
                }
                else if (counted && depth > 0)
                {
                    depth--;
                }

                position = tagEnd + 1;
                continue;
            }

            // A <link> metadata does not read (style sheets, preloads, icons, feeds) goes whole: the parser would
            // resolve its URL and set up a style-sheet relation for each, a noticeable share of a page's parse.
            if (name.Equals("link", StringComparison.OrdinalIgnoreCase) && !IsMetadataLink(html.AsSpan(lt, tagEnd - lt)))
            {
                builder.Append(html, copiedUpTo, lt - copiedUpTo);
                copiedUpTo = position = tagEnd + 1;
                continue;
            }

            if (IsStripped(name) && !IsJsonLd(html.AsSpan(lt, tagEnd - lt), name))
            {
                var close = HtmlTagScanner.IndexOfClosingTag(html, name, tagEnd + 1);
                var bodyEnd = close < 0 ? html.Length : close;
                builder.Append(html, copiedUpTo, tagEnd + 1 - copiedUpTo);
                copiedUpTo = position = bodyEnd;
                continue;
            }

            if (emptyNonContentRegions && position >= noEmptyingBefore && depth < maxDepth && NonContentRegion.IsEmptied(name) && html[tagEnd - 1] != '/')
            {
                var close = NonContentRegion.FindClose(html, name, tagEnd + 1, out var scannedTo);
                if (close >= 0)
                {
                    AttributeFilter.Copy(html, nameEnd, tagEnd, builder, ref copiedUpTo);
                    builder.Append(html, copiedUpTo, tagEnd + 1 - copiedUpTo);
                    copiedUpTo = position = close;
                    depth++;
                    continue;
                }

                noEmptyingBefore = scannedTo;
            }

            if (counted && html[tagEnd - 1] != '/')
            {
                if (depth >= maxDepth)
                {
                    builder.Append(html, copiedUpTo, lt - copiedUpTo);
                    copiedUpTo = tagEnd + 1;
                    droppedOpen++;
                    flattened = true;
                }
                else
                {
                    depth++;
                }
            }

            if (copiedUpTo <= lt)
            {
                AttributeFilter.Copy(html, nameEnd, tagEnd, builder, ref copiedUpTo);
            }

            position = tagEnd + 1;
        }

        if (copiedUpTo == 0)
        {
            return new PrefilteredHtml(html, flattened);
        }

        builder.Append(html, copiedUpTo, html.Length - copiedUpTo);
        return new PrefilteredHtml(builder.ToString(), flattened);
    }

    internal static bool IsStripped(ReadOnlySpan<char> name) =>
        name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)
        || name.Equals("svg", StringComparison.OrdinalIgnoreCase) || name.Equals("noscript", StringComparison.OrdinalIgnoreCase)
        || name.Equals("template", StringComparison.OrdinalIgnoreCase);

    /// <summary>Link relations metadata reads (canonical, amphtml, image_src; author markup), looked for in the whole tag.</summary>
    private static readonly SearchValues<string> MetadataLinkWords = SearchValues.Create(["canonical", "amphtml", "image_src", "author"], StringComparison.OrdinalIgnoreCase);

    internal static bool IsMetadataLink(ReadOnlySpan<char> tag) => tag.IndexOfAny(MetadataLinkWords) >= 0;

    private static bool IsJsonLd(ReadOnlySpan<char> openTag, ReadOnlySpan<char> name) =>
        name.Equals("script", StringComparison.OrdinalIgnoreCase) && openTag.Contains("ld+json", StringComparison.OrdinalIgnoreCase);
}
