namespace FeedWatch.Core.Articles.Content;

/// <summary>Which tags break text into blocks and which never hold article text.</summary>
public static class HtmlElementKinds
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "ul", "ol", "li", "dl", "dt", "dd",
        "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "h1", "h2", "h3", "h4", "h5", "h6", "hgroup",
        "blockquote", "pre", "figure", "figcaption", "form", "fieldset", "address", "hr", "center", "details", "summary",
        "body", "html", "dialog", "menu", "li", "picture", "video", "audio", "iframe", "img", "noscript", "option", "select",
    };

    /// <summary>Never article text: code, styling, embedded media and form controls.</summary>
    private static readonly HashSet<string> NonContentTags = new(StringComparer.Ordinal)
    {
        "script", "style", "template", "svg", "math", "iframe", "object", "embed", "canvas", "video", "audio", "source",
        "track", "button", "input", "select", "textarea", "option", "label", "nav", "aside", "footer", "dialog", "menu",
        "figcaption", "head", "link", "meta", "title", "noscript", "map", "area", "img", "picture", "amp-ad", "amp-sidebar",
        "amp-social-share", "amp-analytics", "amp-pixel", "amp-consent", "amp-user-notification", "amp-embed", "amp-sticky-ad",
        "amp-iframe", "amp-video", "amp-img", "amp-carousel", "amp-list", "amp-live-list", "frame", "frameset",
    };

    public static bool IsBlock(string localName) => BlockTags.Contains(localName) || localName.Contains('-');

    public static bool IsNonContent(string localName) => NonContentTags.Contains(localName);

    /// <summary>Page regions that are usually not the article but are sometimes (mis)used to wrap it.</summary>
    public static bool IsLandmark(string localName) => localName is "nav" or "aside" or "footer" or "menu" or "dialog";


    public static BlockKind KindOf(string localName) => localName switch
    {
        "p" => BlockKind.Paragraph,
        "h1" => BlockKind.MainHeading,
        "h2" or "h3" or "h4" or "h5" or "h6" => BlockKind.Heading,
        "li" or "dd" or "dt" => BlockKind.ListItem,
        "blockquote" => BlockKind.Quote,
        "pre" => BlockKind.Preformatted,
        "td" or "th" => BlockKind.TableCell,
        _ => BlockKind.Other,
    };
}
