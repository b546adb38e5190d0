using System.Globalization;
using System.Text;
using FeedWatch.Replay.Corpus;

namespace FeedWatch.Cli.Load;

/// <summary>
/// A generated corpus for load runs: <c>outlets</c> outlets (outlet-N.example) that each publish
/// <c>itemsPerCycle</c> new articles every corpus hour for <c>cycles</c> hours, with distinct generated text, plus one
/// tracked story: outlet 0 publishes it first and a few other outlets reprint it verbatim in later cycles, so the
/// run also exercises story matching and spread alerts. Deterministic: the same arguments give the same corpus.
/// </summary>
internal static class SyntheticLoadCorpus
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    public const string TrackedStory = "tracked";

    private static readonly string[] Syllables =
    [
        "ba", "ke", "lo", "mi", "nu", "ra", "se", "ti", "vo", "za", "dor", "fen", "gal", "hum", "jor", "kil",
        "lum", "mar", "nor", "pel", "quin", "ros", "sul", "tam", "ur", "vel", "wen", "yor", "zel", "an", "est", "ing",
        "bri", "cas", "dru", "flo", "gri", "hak", "ito", "jun", "kra", "lev", "mos", "nix", "opa", "pru", "sko", "tov",
    ];

    public static string OutletHost(int outlet) => string.Create(CultureInfo.InvariantCulture, $"outlet-{outlet}.example");

    /// <summary>The outlets that reprint the tracked story (each must be alerted exactly once).</summary>
    public static IReadOnlyList<string> ReprintOutlets(int outlets, int cycles) =>
        cycles < 2 ? [] : Enumerable.Range(1, Math.Min(5, outlets - 1)).Select(OutletHost).ToList();

    public static IReadOnlyList<CorpusArticle> Create(int outlets, int cycles, int itemsPerCycle)
    {
        var articles = new List<CorpusArticle>((outlets * cycles * itemsPerCycle) + 6);
        for (var cycle = 0; cycle < cycles; cycle++)
        {
            for (var outlet = 0; outlet < outlets; outlet++)
            {
                for (var item = 0; item < itemsPerCycle; item++)
                {
                    var random = new Random(HashCode.Combine(outlet, cycle, item, 7919));
                    articles.Add(new CorpusArticle(
                        string.Create(CultureInfo.InvariantCulture, $"load-{outlet}-{cycle}-{item}"),
                        Story: null,
                        Outlet: OutletHost(outlet),
                        Url: null,
                        Published: Start.AddHours(cycle).AddSeconds(item + 1),
                        Title: string.Create(CultureInfo.InvariantCulture, $"{Sentence(random, 6).TrimEnd('.')} ({cycle}.{item})"),
                        Text: Text(random),
                        Lang: "en"));
                }
            }
        }

        // The tracked story: out first (second 0 of cycle 0) on outlet 0, reprinted word for word later on.
        var story = new Random(104729);
        var title = Sentence(story, 8).TrimEnd('.');
        var text = Text(story);
        articles.Add(new CorpusArticle("tracked-origin", TrackedStory, OutletHost(0), null, Start, title, text, "en"));
        var reprints = ReprintOutlets(outlets, cycles);
        for (var i = 0; i < reprints.Count; i++)
        {
            var cycle = 1 + (i % (cycles - 1));
            articles.Add(new CorpusArticle(
                string.Create(CultureInfo.InvariantCulture, $"tracked-reprint-{i}"), TrackedStory, reprints[i], null,
                Start.AddHours(cycle).AddSeconds(itemsPerCycle + 1), title, text, "en"));
        }

        return articles;
    }

    /// <summary>Five paragraphs of made-up words: long enough to classify, different enough never to match by chance.</summary>
    private static string Text(Random random)
    {
        var text = new StringBuilder();
        for (var paragraph = 0; paragraph < 5; paragraph++)
        {
            for (var sentence = 0; sentence < 3; sentence++)
            {
                text.Append(Sentence(random, 10 + random.Next(8))).Append(' ');
            }

            text.Length--;
            text.Append('\n');
        }

        return text.ToString().TrimEnd();
    }

    private static string Sentence(Random random, int words)
    {
        var sentence = new StringBuilder();
        for (var w = 0; w < words; w++)
        {
            // Two to four syllables: a vocabulary of over a million words, so two texts share next to nothing.
            // (With one-syllable words allowed, every text shared dozens of short words and the story engine
            // grouped unrelated articles as "independent" coverage of the tracked story.)
            var syllables = 2 + random.Next(3);
            for (var s = 0; s < syllables; s++)
            {
                sentence.Append(Syllables[random.Next(Syllables.Length)]);
            }

            sentence.Append(' ');
        }

        sentence[0] = char.ToUpperInvariant(sentence[0]);
        sentence.Length--;
        return sentence.Append('.').ToString();
    }
}
