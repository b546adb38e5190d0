using System.Text.RegularExpressions;
using FeedWatch.Core.Feeds.Xml;

namespace FeedWatch.Core.Feeds.Links;

/// <summary>
/// Makes relative href/src attributes inside HTML content absolute against the xml:base (or feed URL) in scope,
/// so stored article HTML still points at the right pages once it leaves the feed.
/// </summary>
public static partial class HtmlLinkResolver
{
    public static string Resolve(string html, Uri? baseUri)
    {
        if (baseUri is null || html.Length == 0
            || (html.IndexOf("href", StringComparison.OrdinalIgnoreCase) < 0 && html.IndexOf("src", StringComparison.OrdinalIgnoreCase) < 0))
        {
            return html;
        }

        return UrlAttribute().Replace(html, m =>
        {
            var value = System.Net.WebUtility.HtmlDecode(m.Groups["v"].Value);
            if (value.Length == 0 || value[0] == '#' || BaseUris.TryAbsolute(value, out _))
            {
                return m.Value;
            }

            var resolved = BaseUris.Resolve(baseUri, value);
            return $"{m.Groups["a"].Value}{m.Groups["q"].Value}{System.Net.WebUtility.HtmlEncode(resolved)}{m.Groups["q"].Value}";
        });
    }

    [GeneratedRegex("""(?<a>\s(?:href|src|cite|background|longdesc|poster|action)\s*=\s*)(?<q>["'])(?<v>[^"'<>]*)\k<q>""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlAttribute();
}
