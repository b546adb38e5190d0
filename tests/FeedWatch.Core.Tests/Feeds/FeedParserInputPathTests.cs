using System.Text;
using System.Text.Json;
using FeedWatch.Core.Feeds;

namespace FeedWatch.Core.Tests.Feeds;

/// <summary>
/// Well-formed UTF-8 is read by XmlReader straight from the bytes; everything else is decoded to text first. Both
/// paths must give the same feed, and a UTF-8 document that is not well-formed must still reach the lenient reader.
/// </summary>
public sealed class FeedParserInputPathTests
{
    private const string Feed = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Café · 東京</title><link>https://cafe.example/</link>
        <item><title>Crème brûlée</title><link>/menu</link><description>&lt;p&gt;Très &lt;a href="/bon"&gt;bon&lt;/a&gt;&lt;/p&gt;</description></item>
        </channel></rss>
        """;

    private static readonly FeedParser Parser = new();
    private static readonly Uri FeedUrl = new("https://cafe.example/feed");

    [Fact]
    public void Utf8_bytes_and_the_same_document_in_utf16_parse_alike()
    {
        var fromUtf8 = Parser.Parse(Encoding.UTF8.GetBytes(Feed), FeedUrl);
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Feed.Replace("utf-8", "utf-16", StringComparison.Ordinal))).ToArray();
        var fromUtf16 = Parser.Parse(utf16, FeedUrl);

        Assert.True(fromUtf8.WellFormed, string.Join("; ", fromUtf8.Problems));
        Assert.True(fromUtf16.WellFormed, string.Join("; ", fromUtf16.Problems));
        Assert.Equal("utf-8", fromUtf8.Encoding);
        Assert.Equal("Café · 東京", fromUtf8.Title);
        var item = Assert.Single(fromUtf8.Items);
        Assert.Equal("Crème brûlée", item.Title);
        Assert.Equal("https://cafe.example/menu", item.Link);
        Assert.Equal("""<p>Très <a href="https://cafe.example/bon">bon</a></p>""", item.Summary);
        Assert.Equal("utf-16le", fromUtf16.Encoding);
        Assert.Equal(JsonSerializer.Serialize(fromUtf8 with { Encoding = null }), JsonSerializer.Serialize(fromUtf16 with { Encoding = null }));
    }

    [Fact]
    public void Leading_whitespace_and_a_byte_order_mark_are_accepted_as_before()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("\r\n  " + Feed)).ToArray();

        var feed = Parser.Parse(bytes, FeedUrl);

        Assert.True(feed.WellFormed, string.Join("; ", feed.Problems));
        Assert.Equal("Crème brûlée", Assert.Single(feed.Items).Title);
    }

    [Fact]
    public void Utf8_that_is_not_well_formed_is_recovered_by_the_lenient_reader()
    {
        var broken = Feed.Replace("<title>Crème brûlée</title>", "<title>Crème &nbsp; brûlée & co</title>", StringComparison.Ordinal);

        var feed = Parser.Parse(Encoding.UTF8.GetBytes(broken), FeedUrl);

        Assert.False(feed.WellFormed);
        Assert.Contains(feed.Problems, p => p.StartsWith("not well-formed XML:", StringComparison.Ordinal));
        Assert.Equal("Crème \u00A0 brûlée & co", Assert.Single(feed.Items).Title);
        Assert.Equal("utf-8", feed.Encoding);
    }

    [Fact]
    public void Invalid_utf8_bytes_are_not_read_silently_but_flagged_and_re_read()
    {
        var bytes = Encoding.UTF8.GetBytes(Feed.Replace("Crème brûlée", "Cr\u00E8me", StringComparison.Ordinal));
        var at = Array.IndexOf(bytes, (byte)0xC3, Encoding.UTF8.GetByteCount("<?xml") + 60);
        bytes[at] = 0xE8; // a lone Latin-1 byte where UTF-8 expects a sequence

        var feed = Parser.Parse(bytes, FeedUrl);

        Assert.False(feed.WellFormed);
        Assert.Contains(feed.Problems, p => p.Contains("not valid utf-8", StringComparison.Ordinal));
    }

    [Fact]
    public void Many_documents_with_distinct_names_on_one_thread_keep_parsing_correctly()
    {
        // The reader's name table is reused per thread and replaced once it has seen too many distinct names.
        for (var i = 0; i < 300; i++)
        {
            var names = string.Concat(Enumerable.Range(0, 50).Select(n => $"<x{i}_{n}_{new string('n', 20)}/>"));
            var feed = Parser.Parse(Encoding.UTF8.GetBytes($"<rss version=\"2.0\"><channel><title>t{i}</title>{names}<item><title>i{i}</title></item></channel></rss>"));
            Assert.Equal($"i{i}", Assert.Single(feed.Items).Title);
        }
    }
}
