using System.Globalization;
using System.Text.Json;
using FeedWatch.Core.Feeds;
using Xunit.Abstractions;

namespace FeedWatch.Core.Tests.Feeds.Conformance;

/// <summary>
/// gofeed's parser/ and translator/ snapshots mapped onto our model. Each snapshot is complete (a missing field
/// means empty), so every mapped field is checked on every file: expected value (or empty) against ours.
/// </summary>
public sealed class GofeedConformanceTests(ITestOutputHelper output)
{
    private static readonly FeedParser Parser = new();

    [Fact]
    public void Gofeed_parser_and_translator_expectations_hold_for_at_least_99_percent_of_field_checks()
    {
        var tally = new CheckTally();
        foreach (var xml in Directory.EnumerateFiles(SharedData.Path("gofeed", "parser", "rss"), "*.xml").Order(StringComparer.Ordinal))
        {
            Run(tally, xml, Expected(xml), (e, f) => CheckRss(tally, Path.GetFileName(xml), e, f));
        }

        foreach (var xml in Directory.EnumerateFiles(SharedData.Path("gofeed", "parser", "atom"), "*.xml").Order(StringComparer.Ordinal))
        {
            Run(tally, xml, Expected(xml), (e, f) => CheckAtom(tally, Path.GetFileName(xml), e, f));
        }

        foreach (var folder in new[] { "rss", "atom" })
        {
            foreach (var xml in Directory.EnumerateFiles(SharedData.Path("gofeed", "translator", folder), "*.xml").Order(StringComparer.Ordinal))
            {
                Run(tally, xml, Expected(xml), (e, f) => CheckUniversal(tally, "translator/" + folder, Path.GetFileName(xml), e, f));
            }
        }

        foreach (var expected in Directory.EnumerateFiles(SharedData.Path("gofeed", "translator", "json"), "*_expected.json").Order(StringComparer.Ordinal))
        {
            var input = expected.Replace("_expected.json", ".json", StringComparison.Ordinal);
            Run(tally, input, expected, (e, f) => CheckUniversal(tally, "translator/json", Path.GetFileName(input), e, f));
        }

        foreach (var line in tally.Report("gofeed parser/ + translator/"))
        {
            output.WriteLine(line);
        }

        Assert.True(tally.PassRate >= 0.99, string.Join('\n', tally.Report("gofeed")));
    }

    private static string Expected(string xml) => Path.ChangeExtension(xml, ".json");

    private static void Run(CheckTally tally, string input, string expectedPath, Action<JsonElement, ParsedFeed> check)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(expectedPath));
        ParsedFeed feed;
        try
        {
            feed = Parser.Parse(File.ReadAllBytes(input));
        }
        catch (FeedParseException ex)
        {
            tally.Crash(Path.GetFileName(input), ex);
            return;
        }

        check(doc.RootElement, feed);
    }

    private static void CheckRss(CheckTally t, string file, JsonElement e, ParsedFeed f)
    {
        t.Check("rss feed.title", file, Str(e, "title"), f.Title);
        t.Check("rss feed.link", file, Str(e, "link"), f.Link);
        t.Check("rss feed.description", file, Str(e, "description"), f.Description);
        t.Check("rss feed.language", file, Str(e, "language"), f.Language);
        if (Str(e, "ttl") is { } ttl)
        {
            t.Check("rss feed.ttl", file, ttl, f.TimeToLiveMinutes?.ToString(CultureInfo.InvariantCulture));
        }

        var items = Array(e, "items");
        t.Check("rss items.count", file, items.Count.ToString(CultureInfo.InvariantCulture), f.Items.Count.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < Math.Min(items.Count, f.Items.Count); i++)
        {
            var x = items[i];
            var item = f.Items[i];
            t.Check("rss item.title", file, Str(x, "title"), item.Title);
            t.Check("rss item.link", file, Str(x, "link"), item.Link);
            t.Check("rss item.description→summary", file, Str(x, "description"), item.Summary);
            t.Check("rss item.content→content", file, Str(x, "content"), item.Content);
            t.Check("rss item.guid→id", file, x.TryGetProperty("guid", out var g) ? Str(g, "value") : null, item.Id);
            t.Check("rss item.pubDate→published", file, Str(x, "pubDateParsed"), Date(item.Published));
            t.Check("rss item.categories", file, Join(Array(x, "categories").Select(c => Str(c, "value"))), Join(item.Categories));
            t.Check("rss item.enclosures", file, Join(Array(x, "enclosures").Select(c => $"{Str(c, "url")} {Str(c, "type")} {Str(c, "length")}".Trim())), Join(item.Enclosures.Select(c => $"{c.Url} {c.Type} {c.Length}".Trim())));
        }
    }

    private static void CheckAtom(CheckTally t, string file, JsonElement e, ParsedFeed f)
    {
        t.Check("atom feed.title", file, Str(e, "title"), f.Title);
        t.Check("atom feed.subtitle→description", file, Str(e, "subtitle"), f.Description);
        t.Check("atom feed.updated", file, Str(e, "updatedParsed"), Date(f.Updated));
        t.Check("atom feed.link", file, AlternateLink(e), f.Link);
        t.Check("atom feed.authors", file, People(e, "authors"), Join(f.Authors.Select(Person)));
        var entries = Array(e, "entries");
        t.Check("atom entries.count", file, entries.Count.ToString(CultureInfo.InvariantCulture), f.Items.Count.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < Math.Min(entries.Count, f.Items.Count); i++)
        {
            var x = entries[i];
            var item = f.Items[i];
            t.Check("atom entry.title", file, Str(x, "title"), item.Title);
            t.Check("atom entry.id", file, Str(x, "id"), item.Id);
            t.Check("atom entry.summary", file, Str(x, "summary"), item.Summary);
            t.Check("atom entry.content", file, x.TryGetProperty("content", out var c) ? Str(c, "value") : null, item.Content);
            t.Check("atom entry.published", file, Str(x, "publishedParsed"), Date(item.Published));
            t.Check("atom entry.updated", file, Str(x, "updatedParsed"), Date(item.Updated));
            t.Check("atom entry.link", file, AlternateLink(x), item.Link);
            t.Check("atom entry.categories", file, Join(Array(x, "categories").Select(c => Str(c, "term"))), Join(item.Categories));
            if (Array(x, "authors").Count > 0)
            {
                // gofeed keeps entry authors separate; we inherit the feed's when an entry has none, so only own authors are compared.
                t.Check("atom entry.authors", file, People(x, "authors"), Join(item.Authors.Select(Person)));
            }
        }
    }

    private static void CheckUniversal(CheckTally t, string area, string file, JsonElement e, ParsedFeed f)
    {
        t.Check(area + " feed.title", file, Str(e, "title"), f.Title);
        t.Check(area + " feed.description", file, Str(e, "description"), f.Description);
        t.Check(area + " feed.link", file, Str(e, "link"), f.Link);
        t.Check(area + " feed.language", file, Str(e, "language"), f.Language);
        t.Check(area + " feed.updated", file, Str(e, "updatedParsed") ?? Str(e, "publishedParsed"), Date(f.Updated));
        t.Check(area + " feed.authors", file, People(e, "authors", withUri: false), Join(f.Authors.Select(p => Person(p with { Uri = null }))));
        t.Check(area + " feed.image", file, e.TryGetProperty("image", out var img) ? Str(img, "url") : null, f.Image?.Url);
        var items = Array(e, "items");
        t.Check(area + " items.count", file, items.Count.ToString(CultureInfo.InvariantCulture), f.Items.Count.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < Math.Min(items.Count, f.Items.Count); i++)
        {
            var x = items[i];
            var item = f.Items[i];
            t.Check(area + " item.title", file, Str(x, "title"), item.Title);
            t.Check(area + " item.description→summary", file, Str(x, "description"), item.Summary);
            t.Check(area + " item.content", file, Str(x, "content"), item.Content);
            t.Check(area + " item.link", file, Str(x, "link"), item.Link);
            t.Check(area + " item.guid→id", file, Str(x, "guid"), item.Id);
            t.Check(area + " item.published", file, Str(x, "publishedParsed"), Date(item.Published));
            t.Check(area + " item.updated", file, Str(x, "updatedParsed"), Date(item.Updated));
            t.Check(area + " item.authors", file, People(x, "authors", withUri: false), Join(item.Authors.Select(p => Person(p with { Uri = null }))));
            t.Check(area + " item.categories", file, Join(Array(x, "categories").Select(c => c.GetString())), Join(item.Categories));
            t.Check(area + " item.enclosures", file, Join(Array(x, "enclosures").Select(c => $"{Str(c, "url")} {Str(c, "type")} {Str(c, "length")}".Trim())), Join(item.Enclosures.Select(c => $"{c.Url} {c.Type} {c.Length}".Trim())));
        }
    }

    internal static string? AlternateLink(JsonElement e)
    {
        string? fallback = null;
        foreach (var l in Array(e, "links"))
        {
            var rel = Str(l, "rel") ?? "alternate";
            var type = Str(l, "type");
            if (rel == "alternate")
            {
                if (type is null || type.Contains("html", StringComparison.OrdinalIgnoreCase))
                {
                    return Str(l, "href");
                }

                fallback ??= Str(l, "href");
            }
        }

        return fallback;
    }

    private static string People(JsonElement e, string name, bool withUri = true) =>
        Join(Array(e, name).Select(p => Person(new FeedPerson(Str(p, "name"), Str(p, "email"), withUri ? Str(p, "uri") : null))));

    private static string Person(FeedPerson p) => $"{p.Name}|{p.Email}|{p.Uri}";

    internal static string? Date(DateTimeOffset? d) => d?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Join(IEnumerable<string?> values) => string.Join(" ␟ ", values.Select(v => v?.Trim()));

    internal static List<JsonElement> Array(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().ToList() : [];

    internal static string? Str(JsonElement e, string name)
    {
        if (name.EndsWith("Parsed", StringComparison.Ordinal))
        {
            // Our dates are second precision on output; gofeed prints fractions when the source had them.
            return StripFraction(StrRaw(e, name));
        }

        return StrRaw(e, name);
    }

    private static string? StripFraction(string? iso)
    {
        var dot = iso?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        return dot < 0 ? iso : iso![..dot] + "Z";
    }

    private static string? StrRaw(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v))
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        };
    }
}
