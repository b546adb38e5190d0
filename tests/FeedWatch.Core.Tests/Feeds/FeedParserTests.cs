using System.Text;
using FeedWatch.Core.Feeds;

namespace FeedWatch.Core.Tests.Feeds;

public sealed class FeedParserTests
{
    private static readonly FeedParser Parser = new();

    private static ParsedFeed Parse(string xml, string? url = null, string? contentType = null) =>
        Parser.Parse(Encoding.UTF8.GetBytes(xml), url is null ? null : new Uri(url), contentType);

    [Fact]
    public void Reads_rss2_with_extensions_and_resolves_relative_links()
    {
        var feed = Parse("""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:c="http://purl.org/rss/1.0/modules/content/" xmlns:d="http://purl.org/dc/elements/1.1/">
              <channel>
                <title>Harbour News</title><link>/</link><description>Local &amp; regional</description>
                <language>en-gb</language><ttl>30</ttl><lastBuildDate>Sat, 07 Sep 2002 09:42:31 GMT</lastBuildDate>
                <item>
                  <title>Ferry &lt;delayed&gt;</title><link>/news/ferry</link>
                  <description>Short</description><c:encoded><![CDATA[<p>Long <b>story</b></p>]]></c:encoded>
                  <guid isPermaLink="false">ferry-1</guid><pubDate>Thu, 01 Jan 2004 19:48:21 GMT</pubDate>
                  <d:creator>Ann Reporter</d:creator><category>Transport</category>
                  <enclosure url="/audio/ferry.mp3" type="audio/mpeg" length="1234"/>
                </item>
              </channel>
            </rss>
            """, "https://harbour.example/feed.xml");

        Assert.True(feed.WellFormed, string.Join("; ", feed.Problems));
        Assert.Equal(FeedFormat.Rss20, feed.Format);
        Assert.Equal("Harbour News", feed.Title);
        Assert.Equal("https://harbour.example/", feed.Link);
        Assert.Equal("Local & regional", feed.Description);
        Assert.Equal(30, feed.TimeToLiveMinutes);
        Assert.Equal(new DateTimeOffset(2002, 9, 7, 9, 42, 31, TimeSpan.Zero), feed.Updated);
        var item = Assert.Single(feed.Items);
        Assert.Equal("Ferry <delayed>", item.Title);
        Assert.Equal("https://harbour.example/news/ferry", item.Link);
        Assert.Equal("ferry-1", item.Id);
        Assert.Equal("Short", item.Summary);
        Assert.Equal("<p>Long <b>story</b></p>", item.Content);
        Assert.Equal(new DateTimeOffset(2004, 1, 1, 19, 48, 21, TimeSpan.Zero), item.Published);
        Assert.Equal("Ann Reporter", Assert.Single(item.Authors).Name);
        Assert.Equal(["Transport"], item.Categories);
        Assert.Equal(new FeedEnclosure("https://harbour.example/audio/ferry.mp3", "audio/mpeg", 1234), Assert.Single(item.Enclosures));
    }

    [Fact]
    public void Reads_atom_with_xml_base_xhtml_content_and_inherited_author()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://example.org/blog/" xml:lang="fr">
              <title type="html">A &amp;lt;b&amp;gt; title</title><link rel="alternate" href="index.html"/><link rel="self" href="atom.xml"/>
              <updated>2005-07-31T12:29:29Z</updated><author><name>Mark</name><email>m@example.org</email></author>
              <entry xml:base="posts/">
                <id>tag:example.org,2005:1</id><title>First</title><link href="first.html"/>
                <link rel="enclosure" href="a.mp3" type="audio/mpeg" length="99"/>
                <published>2005-07-31T08:00:00-04:00</published><updated>2005-08-01T00:00:00+02:00</updated>
                <summary>sum</summary>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello <a href="x">you</a></p></div></content>
                <category term="news"/>
              </entry>
            </feed>
            """);

        Assert.True(feed.WellFormed);
        Assert.Equal(FeedFormat.Atom10, feed.Format);
        Assert.Equal("A &lt;b&gt; title", feed.Title); // type="html": the value is HTML, decoded once
        Assert.Equal("http://example.org/blog/index.html", feed.Link);
        Assert.Equal("fr", feed.Language);
        var entry = Assert.Single(feed.Items);
        Assert.Equal("http://example.org/blog/posts/first.html", entry.Link);
        Assert.Equal("<p>Hello <a href=\"http://example.org/blog/posts/x\">you</a></p>", entry.Content);
        Assert.Equal(new DateTimeOffset(2005, 7, 31, 12, 0, 0, TimeSpan.Zero), entry.Published);
        Assert.Equal(new DateTimeOffset(2005, 7, 31, 22, 0, 0, TimeSpan.Zero), entry.Updated);
        Assert.Equal(new FeedPerson("Mark", "m@example.org", null), Assert.Single(entry.Authors));
        Assert.Equal("http://example.org/blog/posts/a.mp3", Assert.Single(entry.Enclosures).Url);
        Assert.Equal(["news"], entry.Categories);
    }

    [Fact]
    public void Recovers_broken_feeds_and_says_why()
    {
        var feed = Parse("""
            <rss version="2.0"><channel><title>Caf&eacute; &nbsp;news & views</title>
            <item><title>One</title><description>unclosed <b>bold</description><dc:creator>Undeclared</dc:creator></item>
            <item><title>Two</title>
            """);

        Assert.False(feed.WellFormed);
        Assert.Equal("Café \u00a0news & views", feed.Title);
        Assert.Equal(2, feed.Items.Count);
        Assert.Equal("Undeclared", feed.Items[0].Authors.Single().Name);
        Assert.Contains(feed.Problems, p => p.Contains("&eacute;", StringComparison.Ordinal));
        Assert.Contains(feed.Problems, p => p.Contains("bare '&'", StringComparison.Ordinal));
        Assert.Contains(feed.Problems, p => p.Contains("undeclared namespace prefix 'dc'", StringComparison.Ordinal));
        Assert.Contains(feed.Problems, p => p.Contains("unclosed element <b>", StringComparison.Ordinal));
    }

    [Fact]
    public void Never_expands_a_billion_laughs_dtd()
    {
        var bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">");
        for (var i = 1; i < 12; i++)
        {
            bomb.Append($"<!ENTITY a{i} \"{string.Concat(Enumerable.Repeat($"&a{(i == 1 ? string.Empty : (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))};", 10))}\">");
        }

        bomb.Append("]><rss version=\"2.0\"><channel><title>&a11;</title></channel></rss>");
        var feed = Parse(bomb.ToString());

        Assert.False(feed.WellFormed);
        Assert.True((feed.Title ?? string.Empty).Length < 100);
    }

    [Fact]
    public void Reads_legacy_encodings_from_the_declaration_and_the_http_charset()
    {
        var latin = Encoding.Latin1.GetBytes("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss version=\"2.0\"><channel><title>Crème brûlée</title></channel></rss>");
        var koi8 = CodePagesBytes(20866, "<rss version=\"2.0\"><channel><title>Привет</title></channel></rss>");

        var fromDeclaration = Parser.Parse(latin);
        var fromHeader = Parser.Parse(koi8, contentType: "application/rss+xml; charset=koi8-r");

        Assert.Equal("Crème brûlée", fromDeclaration.Title);
        Assert.Equal("iso-8859-1", fromDeclaration.Encoding);
        Assert.Equal("Привет", fromHeader.Title);
    }

    [Fact]
    public void Byte_order_mark_wins_and_utf16_is_read()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<?xml version=\"1.0\" encoding=\"utf-16\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Ünï</title></feed>")).ToArray();

        var feed = Parser.Parse(bytes);

        Assert.Equal("Ünï", feed.Title);
        Assert.Equal("utf-16le", feed.Encoding);
    }

    [Fact]
    public void Reads_json_feed()
    {
        var feed = Parse("""
            {"version":"https://jsonfeed.org/version/1.1","title":"J","home_page_url":"https://j.example/",
             "items":[{"id":"1","url":"/p/1","title":"T","content_html":"<p>x</p>","date_published":"2020-01-02T03:04:05Z",
                       "tags":["a"],"authors":[{"name":"N"}],"attachments":[{"url":"https://j.example/a.mp3","mime_type":"audio/mpeg","size_in_bytes":5}]}]}
            """, "https://j.example/feed.json");

        Assert.Equal(FeedFormat.JsonFeed11, feed.Format);
        var item = Assert.Single(feed.Items);
        Assert.Equal("https://j.example/p/1", item.Link);
        Assert.Equal("<p>x</p>", item.Content);
        Assert.Equal(new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero), item.Published);
        Assert.Equal(5, item.Enclosures.Single().Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<html><body>not a feed</body></html>")]
    [InlineData("{\"hello\":1}")]
    public void Input_without_a_feed_throws_FeedParseException(string input) =>
        Assert.Throws<FeedParseException>(() => Parse(input));

    [Fact]
    public void Refuses_input_over_the_size_limit()
    {
        var parser = new FeedParser(new FeedParserOptions { MaxBytes = 100 });

        Assert.Throws<FeedParseException>(() => parser.Parse(new byte[101]));
    }

    private static byte[] CodePagesBytes(int codePage, string text)
    {
        FeedWatch.Core.Feeds.Charsets.EncodingAliases.EnsureRegistered();
        return Encoding.GetEncoding(codePage).GetBytes(text);
    }
}
