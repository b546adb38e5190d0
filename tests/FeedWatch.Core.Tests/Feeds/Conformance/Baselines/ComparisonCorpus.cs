using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FeedWatch.Core.Feeds;
using static FeedWatch.Core.Tests.Feeds.Conformance.GofeedConformanceTests;

namespace FeedWatch.Core.Tests.Feeds.Conformance.Baselines;

/// <summary>
/// The inputs every parser is compared on, read in place from ../shared/data/feeds: gofeed parser/{rss,atom} and
/// translator/{rss,atom} (expected values from the complete snapshots) and feedparser wellformed/, encoding/,
/// entities/, illformed/ (expected values from the Expect conjuncts about the common fields). Inputs whose expectation
/// depends on HTTP headers (feedparser's http_* files) are left out: the parsers are given bytes only.
/// </summary>
internal static partial class ComparisonCorpus
{
    private static readonly string[] FeedparserFolders = ["wellformed/", "encoding/", "entities/", "illformed/"];

    public static IReadOnlyList<ComparisonCase> Load()
    {
        var cases = new List<ComparisonCase>();
        foreach (var folder in new[] { "parser/rss", "parser/atom", "translator/rss", "translator/atom" })
        {
            var atom = folder.EndsWith("atom", StringComparison.Ordinal);
            var items = folder.StartsWith("parser/atom", StringComparison.Ordinal) ? "entries" : "items";
            var date = folder == "parser/rss" ? "pubDateParsed" : "publishedParsed";
            foreach (var xml in Directory.EnumerateFiles(SharedData.Path(["gofeed", .. folder.Split('/')]), "*.xml").Order(StringComparer.Ordinal))
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(xml, ".json")));
                var e = doc.RootElement;
                var checks = new List<FieldCheck>
                {
                    new("feed title", Str(e, "title") ?? string.Empty, f => f.Title),
                };
                var expectedItems = Array(e, items);
                checks.Add(new("item count", expectedItems.Count.ToString(CultureInfo.InvariantCulture), f => f.Items.Count.ToString(CultureInfo.InvariantCulture)));
                for (var i = 0; i < expectedItems.Count; i++)
                {
                    var x = expectedItems[i];
                    var index = i;
                    checks.Add(new("item title", Str(x, "title") ?? string.Empty, f => Item(f, index)?.Title));
                    checks.Add(new("item link", (folder == "parser/atom" ? AlternateLink(x) : Str(x, "link")) ?? string.Empty, f => Item(f, index)?.Link));
                    checks.Add(new("item date", Str(x, date) ?? string.Empty, f => Date(Item(f, index)?.Published)));
                }

                var bytes = File.ReadAllBytes(xml);
                cases.Add(new("gofeed", "gofeed/" + folder + "/" + Path.GetFileName(xml), bytes, IsNamespaceMix(bytes, atom), checks));
            }
        }

        foreach (var line in File.ReadLines(SharedData.Path("feedparser", "INDEX.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            var path = doc.RootElement.GetProperty("path").GetString()!;
            if (!FeedparserFolders.Any(f => path.StartsWith(f, StringComparison.Ordinal)) || path.Contains("http", StringComparison.Ordinal)
                || path.StartsWith("wellformed/sanitize/", StringComparison.Ordinal))
            {
                continue;
            }

            var checks = new List<FieldCheck>();
            foreach (var conjunct in doc.RootElement.GetProperty("conjuncts").EnumerateArray())
            {
                var src = conjunct.GetProperty("src").GetString()!;
                var at = src.IndexOf(" == ", StringComparison.Ordinal);
                if (conjunct.GetProperty("kind").GetString() != "compare_Eq_literal" || at < 0
                    || CommonField(src[..at].Trim()) is not { } field || !PythonLiteral.TryParse(src[(at + 4)..], out var expected))
                {
                    continue;
                }

                var lhs = src[..at].Trim();
                var expectedText = FeedparserConformanceTests.Comparable(expected, null).Expected;
                checks.Add(new(field, expectedText, f => FeedparserConformanceTests.Comparable(expected, FeedparserView.Resolve(lhs, f)).Actual));
            }

            var bytes = File.ReadAllBytes(SharedData.Path("feedparser", path));
            cases.Add(new("feedparser", "feedparser/" + path, bytes, IsNamespaceMix(bytes, null), checks));
        }

        return cases;
    }

    private static FeedItem? Item(ParsedFeed f, int i) => i < f.Items.Count ? f.Items[i] : null;

    /// <summary>The common field a feedparser result path names, or null for any other field.</summary>
    private static string? CommonField(string lhs) => Index().Replace(lhs, "[i]").Replace("\"", "'", StringComparison.Ordinal) switch
    {
        "feed['title']" or "feed['title_detail']['value']" or "feed.title" => "feed title",
        "entries[i]['title']" or "entries[i]['title_detail']['value']" or "entries[i].title" => "item title",
        "entries[i]['link']" or "entries[i].link" => "item link",
        "entries[i]['published_parsed']" or "entries[i]['issued_parsed']" => "item date",
        _ => null,
    };

    /// <summary>
    /// A document that carries feed fields in a namespace other than its root format's: Dublin Core anywhere, Atom
    /// inside RSS/RDF, or both Atom versions in one Atom document.
    /// </summary>
    private static bool IsNamespaceMix(byte[] bytes, bool? atomRoot)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var dc = text.Contains("purl.org/dc/", StringComparison.OrdinalIgnoreCase);
        var atom10 = text.Contains("www.w3.org/2005/Atom", StringComparison.OrdinalIgnoreCase);
        var atom03 = text.Contains("purl.org/atom/ns#", StringComparison.OrdinalIgnoreCase);
        var isAtom = atomRoot ?? (text.Contains("<feed", StringComparison.Ordinal) && !text.Contains("<rss", StringComparison.Ordinal) && !text.Contains(":RDF", StringComparison.Ordinal));
        return dc || (!isAtom && (atom10 || atom03)) || (isAtom && atom10 && atom03);
    }

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();
}
