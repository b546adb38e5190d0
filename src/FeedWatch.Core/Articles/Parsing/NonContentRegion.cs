using System.Buffers;

namespace FeedWatch.Core.Articles.Parsing;

/// <summary>
/// Finds where the content of a container that is never article text (nav, aside, footer, menus, selects,
/// captions) ends, so the prefilter can empty it: on news pages navigation, footers and sidebars hold about a third
/// of all elements, and the parser would build them only for the text walk to drop them. The element's own tags
/// stay (its attributes still count, e.g. as a paywall marker); only what is inside goes.
/// <para>The content is kept whenever emptying could change what the parser or metadata reader would see: it
/// closes an element opened outside the container (misnested markup the parser would resolve differently), or it
/// holds something metadata reads (time, h1, meta, link, base, title, JSON-LD, author markup).</para>
/// </summary>
internal static class NonContentRegion
{
    private static readonly HashSet<string> EmptiedContainers = new(StringComparer.OrdinalIgnoreCase)
    {
        "nav", "aside", "footer", "menu", "select", "figcaption", "amp-sidebar",
    };

    private static readonly HashSet<string> MetadataTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "time", "h1", "meta", "link", "base", "title", "html", "head", "body", "plaintext",
    };

    /// <summary>Elements whose content is raw text: skipped whole so a "&lt;" inside them is not read as a tag.</summary>
    private static readonly HashSet<string> RawTextTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript", "template", "svg",
    };

    /// <summary>Author markup and JSON-LD, looked for in a whole tag (one vectorised search instead of two case-insensitive scans).</summary>
    private static readonly SearchValues<string> MetadataMarkup = SearchValues.Create(["author", "ld+json"], StringComparison.OrdinalIgnoreCase);

    public static bool IsEmptied(ReadOnlySpan<char> name) => EmptiedContainers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name);

    /// <summary>
    /// Index of the end tag closing the container whose start tag ends just before <paramref name="from"/>, or -1
    /// when its content must be kept; <paramref name="scannedTo"/> is how far the text was read either way, so a
    /// caller never scans the same text twice for nested containers.
    /// </summary>
    public static int FindClose(string html, ReadOnlySpan<char> name, int from, out int scannedTo)
    {
        var sameNameNesting = 0;
        var otherNesting = 0;
        var position = from;
        var uncounted = HtmlPrefilter.UncountedTags.GetAlternateLookup<ReadOnlySpan<char>>();
        var rawText = RawTextTags.GetAlternateLookup<ReadOnlySpan<char>>();
        var metadata = MetadataTags.GetAlternateLookup<ReadOnlySpan<char>>();
        while (true)
        {
            scannedTo = position;
            var lt = html.IndexOf('<', position);
            if (lt < 0 || lt + 2 >= html.Length)
            {
                return -1;
            }

            var next = html[lt + 1];
            if (next == '!')
            {
                var end = html.IndexOf('>', lt + 2);
                if (string.CompareOrdinal(html, lt + 1, "!--", 0, 3) == 0)
                {
                    end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                    end = end < 0 ? -1 : end + 2;
                }

                if (end < 0)
                {
                    return -1;
                }

                position = end + 1;
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
                return -1;
            }

            scannedTo = tagEnd;
            var tagName = html.AsSpan(nameStart, nameEnd - nameStart);
            var tag = html.AsSpan(lt, tagEnd - lt);
            if (metadata.Contains(tagName) || tag.IndexOfAny(MetadataMarkup) >= 0)
            {
                return -1;
            }

            var isSame = tagName.Equals(name, StringComparison.OrdinalIgnoreCase);
            var counted = !uncounted.Contains(tagName);
            if (isEndTag)
            {
                if (isSame && sameNameNesting-- == 0)
                {
                    return lt;
                }

                if (!isSame && counted && --otherNesting < 0)
                {
                    return -1;
                }
            }
            else if (rawText.Contains(tagName))
            {
                var close = HtmlTagScanner.IndexOfClosingTag(html, tagName, tagEnd + 1);
                if (close < 0)
                {
                    return -1;
                }

                position = close + 2;
                continue;
            }
            else if (html[tagEnd - 1] != '/')
            {
                if (isSame)
                {
                    sameNameNesting++;
                }
                else if (counted)
                {
                    otherNesting++;
                }
            }

            position = tagEnd + 1;
        }
    }
}
