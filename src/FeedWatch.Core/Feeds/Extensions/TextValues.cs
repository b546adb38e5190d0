using FeedWatch.Core.Feeds.Xml;

namespace FeedWatch.Core.Feeds.Extensions;

/// <summary>How element text is read: plain text is trimmed; HTML carried unescaped inside an element is re-serialised.</summary>
public static class TextValues
{
    /// <summary>Text of an element that may carry unescaped HTML (descriptions, content).</summary>
    public static string Markup(XmlNode e) => Feeds.Links.HtmlLinkResolver.Resolve(e.InnerMarkup().Trim(), e.BaseUri);

    /// <summary>Plain text of an element (titles, names, dates).</summary>
    public static string Plain(XmlNode e) => e.Text.Trim();

    public static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    public static long? Long(string? s) =>
        long.TryParse(s?.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v) && v >= 0 ? v : null;
}
