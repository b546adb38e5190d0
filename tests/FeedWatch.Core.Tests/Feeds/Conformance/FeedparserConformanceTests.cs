using System.Globalization;
using System.Text.Json;
using FeedWatch.Core.Feeds;
using Xunit.Abstractions;

namespace FeedWatch.Core.Tests.Feeds.Conformance;

/// <summary>
/// feedparser's Expect clauses (INDEX.jsonl, split into conjuncts) for wellformed/, encoding/, entities/ and
/// illformed/, evaluated against our parse. Conjuncts about data our model does not carry are counted as not
/// applicable; so are the value conjuncts of wellformed/sanitize, which test feedparser's HTML sanitizer
/// (FeedWatch stores publisher HTML verbatim for extraction; sanitising belongs to whoever renders it).
/// </summary>
public sealed class FeedparserConformanceTests(ITestOutputHelper output)
{
    private static readonly FeedParser Parser = new();
    private static readonly string[] Folders = ["wellformed/", "encoding/", "entities/", "illformed/"];

    [Fact]
    public void Feedparser_expect_conjuncts_hold_for_at_least_98_percent_of_applicable_ones()
    {
        var tally = new CheckTally();
        var notApplicable = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(SharedData.Path("feedparser", "INDEX.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            var entry = doc.RootElement;
            var path = entry.GetProperty("path").GetString()!;
            if (!Folders.Any(f => path.StartsWith(f, StringComparison.Ordinal)))
            {
                continue;
            }

            var headers = entry.GetProperty("headers");
            string? contentType = null;
            Uri? baseUrl = null;
            if (path.Contains("http", StringComparison.Ordinal))
            {
                // Upstream serves these from a mock server; its URL is the document's base.
                var docUri = new Uri("http://127.0.0.1:8097/" + path);
                baseUrl = docUri;
                foreach (var h in headers.EnumerateObject())
                {
                    if (h.Name.Equals("Content-type", StringComparison.OrdinalIgnoreCase))
                    {
                        contentType = h.Value.GetString();
                    }
                    else if (h.Name.Equals("Content-Location", StringComparison.OrdinalIgnoreCase))
                    {
                        if (Uri.TryCreate(docUri, h.Value.GetString(), out var location) && location.Scheme is "http" or "https")
                        {
                            baseUrl = location;
                        }
                    }
                }

                contentType ??= "text/xml";
            }

            ParsedFeed? feed = null;
            Exception? failure = null;
            try
            {
                feed = Parser.Parse(File.ReadAllBytes(SharedData.Path("feedparser", path)), baseUrl, contentType);
            }
            catch (FeedParseException ex)
            {
                failure = ex;
            }

            var sanitize = path.StartsWith("wellformed/sanitize/", StringComparison.Ordinal);
            foreach (var conjunct in entry.GetProperty("conjuncts").EnumerateArray())
            {
                var kind = conjunct.GetProperty("kind").GetString()!;
                var src = conjunct.GetProperty("src").GetString()!;
                var folder = path[..path.IndexOf('/', StringComparison.Ordinal)];
                if (kind == "bozo_flag")
                {
                    var expectBozo = !(src.StartsWith("not ", StringComparison.Ordinal) || src.Contains("== 0", StringComparison.Ordinal) || src.Contains("False", StringComparison.Ordinal));
                    var actualBozo = feed is null || !feed.WellFormed;
                    tally.Check($"{folder} bozo={expectBozo}", path, expectBozo.ToString(), actualBozo.ToString() + (actualBozo == expectBozo ? string.Empty : feed is not null ? " " + string.Join(" | ", feed.Problems.Take(2)) : " " + failure?.Message));
                    continue;
                }

                if (kind is not ("compare_Eq_literal" or "compare_NotEq_literal") || sanitize)
                {
                    Count(notApplicable, sanitize && kind.StartsWith("compare", StringComparison.Ordinal) ? "sanitizer output (wellformed/sanitize)" : kind);
                    continue;
                }

                var op = kind == "compare_Eq_literal" ? "==" : "!=";
                var at = src.IndexOf($" {op} ", StringComparison.Ordinal);
                if (at < 0 || !PythonLiteral.TryParse(src[(at + 4)..], out var expected))
                {
                    Count(notApplicable, "unparsed expression");
                    continue;
                }

                if (feed is null)
                {
                    tally.Check($"{folder} no feed", path, src, failure?.Message);
                    continue;
                }

                var lhs = src[..at].Trim();
                var actual = FeedparserView.Resolve(lhs, feed);
                if (ReferenceEquals(actual, FeedparserView.NotApplicable))
                {
                    Count(notApplicable, "field not in our model: " + System.Text.RegularExpressions.Regex.Replace(lhs, @"\[\d+\]", "[i]"));
                    continue;
                }

                var (e, a) = Comparable(expected, actual);
                var category = $"{folder} {System.Text.RegularExpressions.Regex.Replace(lhs, @"\[\d+\]", "[i]")}";
                if (op == "==")
                {
                    tally.Check(category, path, e, a);
                }
                else
                {
                    tally.Check(category, path, "≠ " + e, e == a ? "= " + a : "≠ " + e);
                }
            }
        }

        foreach (var line in tally.Report("feedparser wellformed/ encoding/ entities/ illformed/"))
        {
            output.WriteLine(line);
        }

        output.WriteLine($"not applicable: {notApplicable.Values.Sum()} conjuncts");
        foreach (var (reason, count) in notApplicable.OrderByDescending(kv => kv.Value).Take(25))
        {
            output.WriteLine($"  {count,4}  {reason}");
        }

        Assert.True(tally.PassRate >= 0.98, string.Join('\n', tally.Report("feedparser")));
    }

    internal static (string Expected, string Actual) Comparable(object? expected, object? actual)
    {
        if (expected is List<object?> tuple && tuple.Count >= 6)
        {
            var e = string.Join(",", tuple.Take(6));
            var a = actual is DateTimeOffset d ? string.Join(",", new[] { d.UtcDateTime.Year, d.UtcDateTime.Month, d.UtcDateTime.Day, d.UtcDateTime.Hour, d.UtcDateTime.Minute, d.UtcDateTime.Second }) : "None";
            return (e, a);
        }

        var ev = expected switch
        {
            null => "None",
            long n => n.ToString(CultureInfo.InvariantCulture),
            _ => expected.ToString() ?? string.Empty,
        };
        var av = actual switch
        {
            null => "None",
            FeedparserView.VersionPrefix v => ev.StartsWith(v.Prefix, StringComparison.Ordinal) ? ev : v.Prefix,
            DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
            _ => actual.ToString() ?? string.Empty,
        };
        return (ev, av);
    }

    private static void Count(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
