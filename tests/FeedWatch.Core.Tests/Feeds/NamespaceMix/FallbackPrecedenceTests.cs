using FeedWatch.Core.Feeds;
using static FeedWatch.Core.Tests.Feeds.NamespaceMix.NamespaceMixParsing;

namespace FeedWatch.Core.Tests.Feeds.NamespaceMix;

/// <summary>The documented order: the root format's own element, then Atom, then Dublin Core.</summary>
public sealed class FallbackPrecedenceTests
{
    private const string Namespaces = """xmlns:a="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" """;

    [Fact]
    public void Rss_own_elements_win_over_atom_and_dublin_core()
    {
        var feed = Parse($"""
            <rss version="2.0" {Namespaces}><channel><title>t</title><link>https://x.example/</link><description>d</description>
              <item><title>Own</title><a:title>Atom</a:title><dc:title>DC</dc:title>
                <link>https://x.example/own</link><a:link href="https://x.example/atom"/>
                <author>own@x.example (Own Name)</author><a:author><a:name>Atom Name</a:name></a:author><dc:creator>DC Name</dc:creator>
                <pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate><a:published>2024-01-02T00:00:00Z</a:published><dc:date>2024-01-03T00:00:00Z</dc:date>
              </item></channel></rss>
            """);

        var item = Assert.Single(feed.Items);
        Assert.Equal("Own", item.Title);
        Assert.Equal("https://x.example/own", item.Link);
        Assert.Equal("Own Name", Assert.Single(item.Authors).Name);
        Assert.Equal(Utc(2024, 1, 1), item.Published);
    }

    [Fact]
    public void Atom_wins_over_dublin_core_when_rss_has_no_element()
    {
        var feed = Parse($"""
            <rss version="2.0" {Namespaces}><channel><title>t</title><link>https://x.example/</link><description>d</description>
              <item><a:title>Atom</a:title><dc:title>DC</dc:title>
                <a:author><a:name>Atom Name</a:name></a:author><dc:creator>DC Name</dc:creator>
                <a:published>2024-01-02T00:00:00Z</a:published><dc:date>2024-01-03T00:00:00Z</dc:date>
              </item></channel></rss>
            """);

        var item = Assert.Single(feed.Items);
        Assert.Equal("Atom", item.Title);
        Assert.Equal("Atom Name", Assert.Single(item.Authors).Name);
        Assert.Equal(Utc(2024, 1, 2), item.Published);
    }

    [Fact]
    public void An_empty_own_title_falls_through_to_atom()
    {
        var feed = Parse($"""
            <rss version="2.0" {Namespaces}><channel><title></title><a:title>Channel</a:title><link>https://x.example/</link><description>d</description>
              <item><title> </title><a:title>Atom</a:title></item></channel></rss>
            """);

        Assert.Equal("Channel", feed.Title);
        Assert.Equal("Atom", Assert.Single(feed.Items).Title);
    }

    [Fact]
    public void Atom_own_author_wins_over_dublin_core_and_source_and_feed()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <title>t</title><author><name>Feed</name></author>
              <entry><title>1</title><author><name>Own</name></author><dc:creator>DC</dc:creator>
                <source><author><name>Source</name></author></source></entry>
              <entry><title>2</title><dc:creator>DC</dc:creator><source><author><name>Source</name></author></source></entry>
            </feed>
            """);

        Assert.Equal(["Own", "DC"], feed.Items.Select(i => Assert.Single(i.Authors).Name));
    }
}
