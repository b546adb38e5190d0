using System.IO.Compression;
using FeedWatch.Stories.Fingerprints;
using FeedWatch.Stories.Text;

namespace FeedWatch.Stories.Index;

/// <summary>
/// What a cold index does not know yet: how common an ordinary English word is. Built once per process from the shipped
/// SCOWL word lists (Background/scowl-en.txt.gz, tools/background-prior/build.py; source and licence in its header and in
/// docs/stories.md): SCOWL grades ~62,000 words into commonness levels (10 = the most common ~4,400 forms). A word's
/// rank is the middle of its level's ranks; Zipf's law gives its share of running text, 1 / (rank × H) with H the
/// harmonic number of the list; and the chance that a story of <see cref="TermsPerDocument"/> terms contains it is
/// 1 − exp(−terms × share). Each stem takes its most common form's chance. Names, numbers and non-English words are not
/// in it: they stay as rare as an empty index makes them.
/// </summary>
internal static class BackgroundPrior
{
    /// <summary>Terms per background document: a story's centroid keeps this many (<see cref="StoryEngineOptions.StoryTerms"/>).</summary>
    public const int TermsPerDocument = 128;

    private static readonly Lazy<IReadOnlyList<(uint Term, double Chance)>> EnglishTerms = new(Load);

    /// <summary>Stem term ids (<see cref="TermIds.Of"/> of the analyzer's stem hash) and the chance a background document has each.</summary>
    public static IReadOnlyList<(uint Term, double Chance)> English => EnglishTerms.Value;

    private static List<(uint Term, double Chance)> Load()
    {
        using var stream = typeof(BackgroundPrior).Assembly.GetManifestResourceStream("FeedWatch.Stories.Index.Background.scowl-en.txt.gz")
            ?? throw new InvalidOperationException("The background prior resource is missing from FeedWatch.Core.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var levels = new List<List<string>>();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("# ", StringComparison.Ordinal) || line.Length == 0)
            {
                continue;
            }

            if (line[0] == '#')
            {
                levels.Add([]);
                continue;
            }

            if (levels.Count > 0)
            {
                levels[^1].Add(line);
            }
        }

        var total = levels.Sum(l => l.Count);
        var harmonic = Math.Log(total) + 0.5772156649;
        var chances = new Dictionary<uint, double>();
        var before = 0;
        foreach (var level in levels)
        {
            var rank = before + ((level.Count + 1) / 2.0);
            var chance = 1 - Math.Exp(-TermsPerDocument / (rank * harmonic));
            foreach (var word in level)
            {
                var tokens = TextAnalyzer.Analyze(word).Tokens;
                if (tokens.Length != 1)
                {
                    continue;
                }

                var term = TermIds.Of(tokens[0].Stem);
                chances[term] = Math.Max(chances.GetValueOrDefault(term), chance);
            }

            before += level.Count;
        }

        return [.. chances.Select(kv => (kv.Key, kv.Value)).OrderBy(x => x.Key)];
    }
}
