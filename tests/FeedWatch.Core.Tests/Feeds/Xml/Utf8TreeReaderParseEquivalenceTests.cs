using System.Text.Json;
using FeedWatch.Core.Feeds;
using FeedWatch.Core.Tests.Feeds.Conformance;

namespace FeedWatch.Core.Tests.Feeds.Xml;

/// <summary>
/// End to end: every corpus input parses to exactly the same <see cref="ParsedFeed"/> (every field, the problems and
/// the encoding, serialised) — or fails with the same message — whether the byte-level reader is used or not.
/// </summary>
public sealed class Utf8TreeReaderParseEquivalenceTests
{
    private static readonly FeedParser WithReader = new();
    private static readonly FeedParser WithoutReader = new(new FeedParserOptions { Utf8TreeReader = false });
    private static readonly Uri FeedUrl = new("https://publisher.example/news/feed.xml");

    [Fact]
    public void Every_corpus_input_parses_identically_with_and_without_the_utf8_reader()
    {
        var files = Directory.EnumerateFiles(SharedData.FeedsRoot, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var differences = new List<string>();
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var expected = Describe(WithoutReader, bytes);
            var actual = Describe(WithReader, bytes);
            if (expected != actual)
            {
                differences.Add($"{Path.GetRelativePath(SharedData.FeedsRoot, file)}:\n  without: {expected}\n  with:    {actual}");
            }
        }

        Assert.True(files.Count > 3000, $"only {files.Count} corpus files found");
        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(10)));
    }

    private static string Describe(FeedParser parser, byte[] bytes)
    {
        try
        {
            return JsonSerializer.Serialize(parser.Parse(bytes, FeedUrl));
        }
        catch (FeedParseException ex)
        {
            return "FeedParseException: " + ex.Message;
        }
    }
}
