using System.Globalization;
using FeedWatch.Replay.Corpus;

namespace FeedWatch.Reliability.Tests.Load;

/// <summary>
/// Many outlets that each publish a few new items every corpus hour: the shape of a large feed list under polling.
/// Text is generated, original and deterministic.
/// </summary>
internal static class SyntheticCorpus
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<CorpusArticle> Create(int outlets, int cycles, int itemsPerCycle)
    {
        var articles = new List<CorpusArticle>(outlets * cycles * itemsPerCycle);
        for (var cycle = 0; cycle < cycles; cycle++)
        {
            for (var outlet = 0; outlet < outlets; outlet++)
            {
                for (var item = 0; item < itemsPerCycle; item++)
                {
                    var id = string.Create(CultureInfo.InvariantCulture, $"load-{outlet}-{cycle}-{item}");
                    articles.Add(new CorpusArticle(
                        id,
                        Story: null,
                        Outlet: string.Create(CultureInfo.InvariantCulture, $"feed-{outlet}.load.example"),
                        Url: null,
                        Published: Start.AddHours(cycle).AddSeconds(item),
                        Title: string.Create(CultureInfo.InvariantCulture, $"Council report {cycle}.{item} from outlet {outlet}"),
                        Text: string.Create(CultureInfo.InvariantCulture, $"The council met in session {cycle} and item {item} was discussed at length by outlet {outlet}."),
                        Lang: "en"));
                }
            }
        }

        return articles;
    }
}
