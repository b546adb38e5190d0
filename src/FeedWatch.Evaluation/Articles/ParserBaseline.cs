using AngleSharp.Html.Parser;
using FeedWatch.Core.Articles.Decoding;

namespace FeedWatch.Evaluation.Articles;

/// <summary>
/// AngleSharp alone, default options, measured with the same meter as the extractor in the same process: parsing
/// each page from its decoded string, and from bytes (our decoder, then the parse). On a shared machine absolute
/// figures move with the load; the ratio to this baseline does not.
/// </summary>
public static class ParserBaseline
{
    /// <summary>Per-page actions for <see cref="ThroughputMeter.MeasureInterleaved"/>: parse from bytes, parse from decoded strings.</summary>
    public static IReadOnlyList<Action<int>> Actions(IReadOnlyList<ExtractionCorpusPage> pages)
    {
        var texts = pages.Select(p => HtmlByteDecoder.Decode(p.Html, null, int.MaxValue).Text).ToArray();
        var parser = new HtmlParser();
        return
        [
            i => parser.ParseDocument(HtmlByteDecoder.Decode(pages[i].Html, null, int.MaxValue).Text).Dispose(),
            i => parser.ParseDocument(texts[i]).Dispose(),
        ];
    }

    public static ThroughputPass FromString(IReadOnlyList<ExtractionCorpusPage> pages, int rounds)
    {
        var texts = pages.Select(p => HtmlByteDecoder.Decode(p.Html, null, int.MaxValue).Text).ToArray();
        var parser = new HtmlParser();
        return ThroughputMeter.Measure(texts.Length, i => parser.ParseDocument(texts[i]).Dispose(), rounds);
    }

    public static ThroughputPass FromBytes(IReadOnlyList<ExtractionCorpusPage> pages, int rounds)
    {
        var parser = new HtmlParser();
        return ThroughputMeter.Measure(pages.Count, i => parser.ParseDocument(HtmlByteDecoder.Decode(pages[i].Html, null, int.MaxValue).Text).Dispose(), rounds);
    }
}
