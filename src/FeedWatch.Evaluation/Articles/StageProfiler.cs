using AngleSharp.Html.Dom;
using FeedWatch.Core.Articles.Content;
using FeedWatch.Core.Articles.Decoding;
using FeedWatch.Core.Articles.Metadata;
using FeedWatch.Core.Articles.Parsing;

namespace FeedWatch.Evaluation.Articles;

/// <summary>
/// Runs the extractor's stages one by one (the same public calls <see cref="ArticleExtractor"/> makes) with the
/// thread's CPU clock read between them, to show where the time beyond the HTML parse goes. The best of several passes per stage.
/// </summary>
public static class StageProfiler
{
    public static StageProfile Measure(IReadOnlyList<ExtractionCorpusPage> pages, int rounds, ArticleExtractorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pages);
        options ??= new ArticleExtractorOptions();
        StageProfile? best = null;
        for (var round = 0; round < Math.Max(1, rounds); round++)
        {
            var pass = Run(pages, options);
            best = best is null ? pass : Min(best, pass);
        }

        return best!;
    }

    private static StageProfile Run(IReadOnlyList<ExtractionCorpusPage> pages, ArticleExtractorOptions options)
    {
        TimeSpan decode = default, prefilter = default, parse = default, metadata = default, content = default, relaxed = default;
        var relaxedPages = 0;
        long prefilteredChars = 0, decodedChars = 0;
        foreach (var page in pages)
        {
            var t0 = ThreadCpuClock.Now();
            var decoded = HtmlByteDecoder.Decode(page.Html, null, options.MaxBytes);
            var t1 = ThreadCpuClock.Now();
            var prepared = HtmlPrefilter.Prepare(decoded.Text, options.MaxDepth);
            var t2 = ThreadCpuClock.Now();
            using var document = HtmlDocumentParser.Parse(prepared.Html);
            var t3 = ThreadCpuClock.Now();
            var meta = MetadataReader.Read(document, page.Url, options.MaxDepth);
            var t4 = ThreadCpuClock.Now();
            var first = MainText(document, meta, options, relaxed: false);
            var t5 = ThreadCpuClock.Now();
            if (VisibleLength(first) < options.Tuning.FallbackBelowChars)
            {
                var loose = HtmlPrefilter.Prepare(decoded.Text, options.MaxDepth, emptyNonContentRegions: false);
                using var looseDocument = HtmlDocumentParser.Parse(loose.Html);
                _ = MainText(looseDocument, meta, options, relaxed: true);
                relaxed += ThreadCpuClock.Now() - t5;
                relaxedPages++;
            }

            decode += t1 - t0;
            prefilter += t2 - t1;
            parse += t3 - t2;
            metadata += t4 - t3;
            content += t5 - t4;
            prefilteredChars += prepared.Html.Length;
            decodedChars += decoded.Text.Length;
        }

        return new StageProfile(pages.Count, decode, prefilter, parse, metadata, content, relaxed, relaxedPages, prefilteredChars, decodedChars);
    }

    /// <summary>The main-text stage as <see cref="ArticleExtractor"/> runs it: collect blocks, select, render, paywall check.</summary>
    private static string MainText(IHtmlDocument document, ArticleMetadata metadata, ArticleExtractorOptions options, bool relaxed)
    {
        if (document.Body is not { } body)
        {
            return "";
        }

        var collector = new TextBlockCollector(options, relaxed);
        var blocks = collector.Collect(body);
        var roots = new MainContentSelector(options.Tuning).Select(blocks, body);
        var text = MainTextRenderer.Render(blocks, roots, metadata.TitleVariants, options.Tuning);
        _ = PaywallDetector.IsPartial(metadata, blocks, collector.SawPaywallMarker);
        return text;
    }

    private static int VisibleLength(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                count++;
            }
        }

        return count;
    }

    private static StageProfile Min(StageProfile a, StageProfile b) => a with
    {
        Decode = Min(a.Decode, b.Decode),
        Prefilter = Min(a.Prefilter, b.Prefilter),
        Parse = Min(a.Parse, b.Parse),
        Metadata = Min(a.Metadata, b.Metadata),
        Content = Min(a.Content, b.Content),
        Relaxed = Min(a.Relaxed, b.Relaxed),
    };

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
