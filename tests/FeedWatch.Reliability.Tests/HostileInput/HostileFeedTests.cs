using System.Text;
using FeedWatch.Core.Feeds;
using FeedWatch.Reliability.Tests.Support;

namespace FeedWatch.Reliability.Tests.HostileInput;

/// <summary>The real feed parser against documents built to hurt it: each ends bounded, with a result or a clear FeedParseException.</summary>
public sealed class HostileFeedTests
{
    // A guard against hangs, generous because CI machines are shared; speed is measured by benchmarks, not here.
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Billion_laughs_is_not_expanded()
    {
        var xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n");
        for (var i = 1; i <= 9; i++)
        {
            xml.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))};", 10))}\">\n");
        }

        xml.Append("]>\n<rss version=\"2.0\"><channel><title>&lol9;</title><item><title>Kept</title><link>http://a.example/1</link></item></channel></rss>");
        var input = Encoding.UTF8.GetBytes(xml.ToString());

        var (outcome, allocated) = await Bounded.RunAsync(() => Bounded.Measure(() => ParseOutcome.Of(input)), Limit, "billion laughs");

        outcome.AssertNoCrash();
        Assert.DoesNotContain("lollollol", outcome.Feed?.Title ?? "", StringComparison.Ordinal);
        Assert.True(allocated < 50L * input.Length + (16 << 20), $"allocated {allocated} bytes for a {input.Length}-byte document");
    }

    [Fact]
    public async Task External_entities_are_never_resolved()
    {
        var hits = 0;
        await using var server = new RawTcpServer(async (stream, _, ct) =>
        {
            Interlocked.Increment(ref hits);
            await RawTcpServer.ReadRequestHeadAsync(stream, ct);
            await RawTcpServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nLEAKED", ct);
        });
        var secretFile = Path.Combine(Path.GetTempPath(), $"feedwatch-xxe-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(secretFile, "TOP-SECRET-CONTENT");
        try
        {
            var xml = $"""
                <?xml version="1.0"?>
                <!DOCTYPE rss [
                  <!ENTITY file SYSTEM "file://{secretFile}">
                  <!ENTITY web SYSTEM "{server.Url("/xxe")}">
                  <!ENTITY % remote SYSTEM "{server.Url("/dtd")}"> %remote;
                ]>
                <rss version="2.0"><channel><title>&file;</title><description>&web;</description>
                <item><title>&file;&web;</title><link>http://a.example/1</link></item></channel></rss>
                """;
            var outcome = await Bounded.RunAsync(() => ParseOutcome.Of(Encoding.UTF8.GetBytes(xml)), Limit, "external entities");

            outcome.AssertNoCrash();
            Assert.DoesNotContain("TOP-SECRET", outcome.AllText, StringComparison.Ordinal);
            Assert.DoesNotContain("LEAKED", outcome.AllText, StringComparison.Ordinal);
            Assert.Equal(0, hits);
        }
        finally
        {
            File.Delete(secretFile);
        }
    }

    [Fact]
    public async Task A_feed_with_100k_items_parses_within_bounds()
    {
        var xml = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Big</title>");
        for (var i = 0; i < 100_000; i++)
        {
            xml.Append(System.Globalization.CultureInfo.InvariantCulture, $"<item><title>Item {i}</title><link>http://big.example/{i}</link><guid>g{i}</guid><pubDate>Mon, 28 Sep 2020 12:00:00 GMT</pubDate></item>");
        }

        xml.Append("</channel></rss>");
        var input = Encoding.UTF8.GetBytes(xml.ToString());

        // A generous bound: this guards against hangs and blow-ups; parse speed is measured by the benchmarks.
        var (outcome, allocated) = await Bounded.RunAsync(() => Bounded.Measure(() => ParseOutcome.Of(input)), TimeSpan.FromMinutes(3), "100k items");

        outcome.AssertNoCrash();
        Assert.NotNull(outcome.Feed);
        Assert.True(outcome.Feed!.Items.Count == 100_000 || !outcome.Feed.WellFormed, "items may be capped, but only with a problem entry");
        // Measured: about 100x the input (1.3 GiB for 13 MiB, ~13 KiB per item) — above the 50x the feeds issue sets for
        // the corpora, reported to the parser's owner. This bound only proves the cost stays linear, not quadratic.
        Assert.True(allocated < 200L * input.Length, $"allocated {allocated / (1 << 20)} MiB for {input.Length / (1 << 20)} MiB");
    }

    [Fact]
    public async Task Oversized_input_is_refused_with_a_clear_error()
    {
        var parser = new FeedParser(new FeedParserOptions { MaxBytes = 1 << 20 });
        var input = Encoding.UTF8.GetBytes("<rss version=\"2.0\"><channel><title>x</title>" + new string(' ', 2 << 20) + "</channel></rss>");

        var error = await Bounded.RunAsync(() => Record.Exception(() => parser.Parse(input)), Limit, "oversized");

        var parseError = Assert.IsType<FeedParseException>(error);
        Assert.False(string.IsNullOrWhiteSpace(parseError.Message));
    }

    [Fact]
    public async Task Deep_nesting_does_not_exhaust_the_stack()
    {
        var xml = "<rss version=\"2.0\"><channel><title>Deep</title><item><title>t</title><description>"
            + string.Concat(Enumerable.Repeat("<x>", 200_000)) + string.Concat(Enumerable.Repeat("</x>", 200_000))
            + "</description></item></channel></rss>";

        var outcome = await Bounded.RunAsync(() => ParseOutcome.Of(Encoding.UTF8.GetBytes(xml)), Limit, "deep nesting");

        outcome.AssertNoCrash();
    }

    [Theory]
    [InlineData("invalid-utf8")]
    [InlineData("binary")]
    [InlineData("utf16-lies")]
    [InlineData("empty")]
    [InlineData("nul-bytes")]
    public async Task Garbage_gives_a_result_or_a_clear_parse_error(string kind)
    {
        var random = new Random(kind.Length);
        byte[] input = kind switch
        {
            "invalid-utf8" => [.. "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>"u8, 0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC, 0xFF, .. "</title><item><title>ok</title></item></channel></rss>"u8],
            "binary" => RandomBytes(random, 1 << 20),
            "utf16-lies" => [.. "<?xml version=\"1.0\" encoding=\"utf-16\"?><rss version=\"2.0\"><channel><title>x</title></channel></rss>"u8],
            "empty" => [],
            _ => [.. "<rss version=\"2.0\">\0\0\0<channel>\0<title>\0</title></channel></rss>"u8],
        };

        var outcome = await Bounded.RunAsync(() => ParseOutcome.Of(input), Limit, kind);

        outcome.AssertNoCrash();
        if (kind is "binary" or "empty")
        {
            Assert.True(outcome.Error is FeedParseException || outcome.Feed is { WellFormed: false }, "garbage must not pass as a well-formed feed");
        }
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
