using System.Buffers;
using System.Text;
using FeedWatch.Core.Feeds.Xml;

namespace FeedWatch.Core.Feeds.Links;

/// <summary>
/// Makes relative href/src attributes inside HTML content absolute against the xml:base (or feed URL) in scope,
/// so stored article HTML still points at the right pages once it leaves the feed.
/// An attribute is whitespace, a URL attribute name, optional whitespace, '=', optional whitespace, and a value in
/// matching quotes without quotes or angle brackets. A hand-written scan rather than a regex: this runs on every
/// description and content of every feed, and most values are already absolute, so the usual result is the input
/// string itself, found with a vectorised search and without allocating.
/// </summary>
public static class HtmlLinkResolver
{
    private static readonly string[] UrlAttributes = ["href", "src", "cite", "background", "longdesc", "poster", "action"];
    private static readonly SearchValues<string> UrlAttributeNames = SearchValues.Create(UrlAttributes, StringComparison.OrdinalIgnoreCase);

    public static string Resolve(string html, Uri? baseUri)
    {
        if (baseUri is null || html.Length == 0
            || (html.IndexOf("href", StringComparison.OrdinalIgnoreCase) < 0 && html.IndexOf("src", StringComparison.OrdinalIgnoreCase) < 0))
        {
            return html;
        }

        StringBuilder? resolved = null;
        var copied = 0;
        var from = 0;
        while (from < html.Length)
        {
            var found = html.AsSpan(from).IndexOfAny(UrlAttributeNames);
            if (found < 0)
            {
                break;
            }

            var name = from + found;
            if (name == from || !char.IsWhiteSpace(html[name - 1]) || !TryReadValue(html, name, out var valueStart, out var valueEnd))
            {
                from = name + 1;
                continue;
            }

            from = valueEnd + 1;
            var value = System.Net.WebUtility.HtmlDecode(html[valueStart..valueEnd]);
            if (value.Length == 0 || value[0] == '#' || BaseUris.TryAbsolute(value, out _))
            {
                continue;
            }

            resolved ??= new StringBuilder(html.Length + 64);
            resolved.Append(html, copied, valueStart - copied).Append(System.Net.WebUtility.HtmlEncode(BaseUris.Resolve(baseUri, value)));
            copied = valueEnd;
        }

        return resolved is null ? html : resolved.Append(html, copied, html.Length - copied).ToString();
    }

    /// <summary>At a URL attribute name: '=' (whitespace allowed around it), a quote, the value, the same quote.</summary>
    private static bool TryReadValue(string html, int name, out int valueStart, out int valueEnd)
    {
        valueStart = valueEnd = 0;
        var i = name + NameLength(html, name);
        while (i < html.Length && char.IsWhiteSpace(html[i]))
        {
            i++;
        }

        if (i >= html.Length || html[i] != '=')
        {
            return false;
        }

        i++;
        while (i < html.Length && char.IsWhiteSpace(html[i]))
        {
            i++;
        }

        if (i >= html.Length || html[i] is not ('"' or '\''))
        {
            return false;
        }

        var quote = html[i];
        var end = html.AsSpan(i + 1).IndexOfAny("\"'<>");
        if (end < 0 || html[i + 1 + end] != quote)
        {
            return false;
        }

        valueStart = i + 1;
        valueEnd = i + 1 + end;
        return true;
    }

    private static int NameLength(string html, int at)
    {
        foreach (var candidate in UrlAttributes)
        {
            if (html.AsSpan(at).StartsWith(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return candidate.Length;
            }
        }

        return 0;
    }
}
