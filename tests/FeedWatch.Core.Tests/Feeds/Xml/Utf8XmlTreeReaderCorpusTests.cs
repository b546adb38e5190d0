using FeedWatch.Core.Feeds.Xml;
using FeedWatch.Core.Tests.Feeds.Conformance;
using Xunit.Abstractions;

namespace FeedWatch.Core.Tests.Feeds.Xml;

/// <summary>
/// The differential test that makes the byte-level reader trustworthy: on every file of the gofeed, feedparser and
/// miniflux corpora it either declines, or builds exactly the tree StrictXmlReader (XmlReader) builds from the same
/// bytes — and it declines every file XmlReader rejects, so it can never mark a broken feed well-formed.
/// </summary>
public sealed class Utf8XmlTreeReaderCorpusTests(ITestOutputHelper output)
{
    private static readonly Uri DocumentUri = new("https://feeds.example/dir/feed.xml");

    [Fact]
    public void Every_corpus_file_is_declined_or_read_exactly_as_XmlReader_reads_it()
    {
        var files = Directory.EnumerateFiles(SharedData.FeedsRoot, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var accepted = 0;
        var strictRejected = 0;
        var declinedButStrictAccepted = new List<string>();
        var failures = new List<string>();
        foreach (var file in files)
        {
            var name = Path.GetRelativePath(SharedData.FeedsRoot, file);
            switch (Check(MarkupStart(File.ReadAllBytes(file)), out var failure))
            {
                case Outcome.Identical:
                    accepted++;
                    break;
                case Outcome.BothRejected:
                    strictRejected++;
                    break;
                case Outcome.Declined:
                    declinedButStrictAccepted.Add(name);
                    break;
                default:
                    failures.Add($"{name}: {failure}");
                    break;
            }
        }

        output.WriteLine($"{files.Count} files: UTF-8 reader accepted {accepted} (identical trees), declined {declinedButStrictAccepted.Count} that XmlReader reads (left to it), declined all {strictRejected} XmlReader rejects");
        output.WriteLine("Declined but read by XmlReader: " + string.Join(", ", declinedButStrictAccepted));
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));

        // Not a reader that declines everything: most of the corpus is plain UTF-8 XML.
        Assert.True(accepted >= AcceptedFloor, $"only {accepted} files accepted, expected at least {AcceptedFloor}");
    }

    /// <summary>
    /// Mutated corpus documents: the characters and constructs the reader must get right (references, line ends,
    /// tabs in attributes, CDATA, comments, forbidden characters, stray markup) spliced in at random places of real
    /// feeds, so both the accepting and the declining side are exercised far beyond what the corpora contain.
    /// </summary>
    [Fact]
    public void Mutated_corpus_documents_are_declined_or_read_exactly_as_XmlReader_reads_them()
    {
        string[] splices =
        [
            "&", "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&nbsp;", "&#10;", "&#13;", "&#x9;", "&#xD;&#xA;", "&#0;", "&#x1F600;",
            "&#128;", "&#x92;", "&#xFFFE;", "&#xD800;", "&#65;", "&#x;", "&#", "\r", "\r\n", "\t", "\n", "\u0001", "\u000B",
            "\uFFFE", "\u0085", "\u2028", "]]>", "]]", "<![CDATA[x\r\ny]]>", "<![CDATA[]]>", "<!-- c -->", "<!-- a -- b -->",
            "<!--->", "<?pi data?>", "<?xml version=\"1.0\"?>", "<", ">", "\"", "'", "<a>", "</a>", "<b/>", "<p:x/>",
            "<x xmlns='urn:x'/>", " xml:lang=\"fr\"", " xml:base=\"sub/\"", " a=\"1\"", " a='\t\r\n'", " b=\"x\" b=\"y\"",
            " xmlns:q=\"urn:q\"", " q:a=\"1\"", " xml:space=\"bogus\"", "é", "東", "\uD83D\uDE00", "<!DOCTYPE x>", "\u00A0",
        ];
        var files = Directory.EnumerateFiles(SharedData.FeedsRoot, "*.xml", SearchOption.AllDirectories)
            .Where(f => new FileInfo(f).Length < 4096).Order(StringComparer.Ordinal).ToList();
        var random = new Random(20261121);
        var outcomes = new Dictionary<Outcome, int>();
        var failures = new List<string>();
        for (var i = 0; i < 20000; i++)
        {
            var file = files[random.Next(files.Count)];
            var text = System.Text.Encoding.UTF8.GetString(MarkupStart(File.ReadAllBytes(file)));
            for (var k = random.Next(1, 3); k > 0; k--)
            {
                var splice = System.Text.RegularExpressions.Regex.Unescape(splices[random.Next(splices.Length)]);
                text = text.Insert(random.Next(text.Length + 1), splice);
            }

            var outcome = Check(System.Text.Encoding.UTF8.GetBytes(text), out var failure);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            if (outcome == Outcome.Failed)
            {
                failures.Add($"{Path.GetFileName(file)} mutated: {failure}\n{text}");
            }
        }

        output.WriteLine(string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}: {o.Value}")));
        Assert.True(failures.Count == 0, string.Join("\n-----\n", failures.Take(5)));
        Assert.True(outcomes.GetValueOrDefault(Outcome.Identical) >= 4000, "too few mutated documents accepted to test anything");
        Assert.True(outcomes.GetValueOrDefault(Outcome.BothRejected) >= 4000, "too few broken mutations to test declining");
    }

    private static Outcome Check(byte[] bytes, out string? failure)
    {
        failure = null;
        XmlNode? strict;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            strict = StrictXmlReader.Read(stream, DocumentUri);
        }
        catch (System.Xml.XmlException)
        {
            strict = null;
        }

        var ours = Utf8XmlTreeReader.TryRead(bytes, DocumentUri);
        if (strict is null)
        {
            if (ours is null)
            {
                return Outcome.BothRejected;
            }

            failure = "XmlReader rejects it, the UTF-8 reader accepted it";
            return Outcome.Failed;
        }

        if (ours is null)
        {
            return Outcome.Declined;
        }

        failure = XmlTreeComparer.FirstDifference(strict, ours);
        return failure is null ? Outcome.Identical : Outcome.Failed;
    }

    private const int AcceptedFloor = 2300;

    /// <summary>What FeedParser hands the reader: the bytes after a UTF-8 byte-order mark and leading whitespace.</summary>
    private static byte[] MarkupStart(byte[] bytes)
    {
        var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        while (start < bytes.Length && bytes[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        return bytes[start..];
    }
}
