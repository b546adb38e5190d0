using System.Diagnostics;
using System.Text;
using AngleSharp.Html.Parser;

namespace FeedWatch.Core.Articles.Evaluation;

/// <summary>
/// Pages per CPU second for AngleSharp alone parsing each page from its decoded string with default options, measured
/// in the same process and conditions as the extractor. On a shared machine absolute figures move with the load;
/// the ratio to this baseline does not.
/// </summary>
public static class ParserBaseline
{
    public static double PagesPerCpuSecond(IReadOnlyList<ExtractionCorpusPage> pages)
    {
        var texts = pages.Select(p => Encoding.UTF8.GetString(p.Html)).ToList();
        var parser = new HtmlParser();
        foreach (var text in texts.Take(20))
        {
            parser.ParseDocument(text).Dispose();
        }

        var before = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var text in texts)
        {
            parser.ParseDocument(text).Dispose();
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime - before;
        return cpu.TotalSeconds == 0 ? 0 : texts.Count / cpu.TotalSeconds;
    }
}
