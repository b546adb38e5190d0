using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace FeedWatch.Core.Articles.Parsing;

/// <summary>
/// Parses prefiltered HTML with AngleSharp. Scripting off (noscript content is parsed as markup) and no source
/// positions or element positions kept: the extractor only reads the tree. One parser per thread, because building one is not free.
/// </summary>
public static class HtmlDocumentParser
{
    [ThreadStatic]
    private static HtmlParser? parser;

    public static IHtmlDocument Parse(string html)
    {
        parser ??= new HtmlParser(new HtmlParserOptions
        {
            IsScripting = false,
            IsKeepingSourceReferences = false,
            IsNotSupportingFrames = true,
            IsSupportingProcessingInstructions = false,
            SkipComments = true,
            DisableElementPositionTracking = true,
        });
        return parser.ParseDocument(html);
    }
}
