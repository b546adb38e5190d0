using FeedWatch.Core.Feeds;
using static FeedWatch.Core.Tests.Feeds.NamespaceMix.NamespaceMixParsing;

namespace FeedWatch.Core.Tests.Feeds.NamespaceMix;

/// <summary>Atom 0.3 and 1.0 title, link, author and dates inside RSS 0.90–2.0 items and channels.</summary>
public sealed class AtomInsideRssTests
{
    public static TheoryData<string, string> RssVersionsAndAtomNamespaces()
    {
        var data = new TheoryData<string, string>();
        foreach (var version in new[] { "0.91", "0.92", "0.93", "0.94", "2.0" })
        {
            data.Add(version, "http://www.w3.org/2005/Atom");
            data.Add(version, "http://purl.org/atom/ns#");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RssVersionsAndAtomNamespaces))]
    public void Rss_items_and_channel_take_title_link_author_and_dates_from_atom(string version, string atom)
    {
        var feed = Parse($"""
            <rss version="{version}" xmlns:a="{atom}">
              <channel>
                <a:title>Delta Wire</a:title><a:link rel="alternate" type="text/html" href="https://delta.example/"/>
                <description>d</description><a:updated>2023-08-01T06:00:00Z</a:updated>
                <a:author><a:name>Delta Desk</a:name></a:author>
                <item>
                  <a:title>Bridge reopens after repairs</a:title>
                  <a:link rel="alternate" type="text/html" href="https://delta.example/bridge"/>
                  <a:author><a:name>Mara Voss</a:name><a:email>mara@delta.example</a:email></a:author>
                  <a:published>2023-07-31T22:10:00Z</a:published><a:updated>2023-08-01T05:00:00Z</a:updated>
                </item>
              </channel>
            </rss>
            """);

        Assert.Equal("Delta Wire", feed.Title);
        Assert.Equal("https://delta.example/", feed.Link);
        Assert.Equal(Utc(2023, 8, 1, 6), feed.Updated);
        Assert.Equal("Delta Desk", Assert.Single(feed.Authors).Name);
        var item = Assert.Single(feed.Items);
        Assert.Equal("Bridge reopens after repairs", item.Title);
        Assert.Equal("https://delta.example/bridge", item.Link);
        Assert.Equal(new FeedPerson("Mara Voss", "mara@delta.example", null), Assert.Single(item.Authors));
        Assert.Equal(Utc(2023, 7, 31, 22, 10), item.Published);
        Assert.Equal(Utc(2023, 8, 1, 5), item.Updated);
    }

    [Theory]
    [InlineData("issued", "2005-02-03T04:05:00Z")]
    [InlineData("created", "2005-02-03T04:05:00Z")]
    [InlineData("published", "2005-02-03T04:05:00Z")]
    public void Atom03_and_10_publication_dates_are_read_inside_rss(string element, string date)
    {
        var feed = Parse($"""
            <rss version="2.0" xmlns:atom03="http://purl.org/atom/ns#">
              <channel><title>t</title><link>https://x.example/</link><description>d</description>
                <item><title>i</title><link>https://x.example/i</link><atom03:{element}>{date}</atom03:{element}>
                  <atom03:modified>2005-02-04T00:00:00Z</atom03:modified></item>
              </channel>
            </rss>
            """);

        var item = Assert.Single(feed.Items);
        Assert.Equal(Utc(2005, 2, 3, 4, 5), item.Published);
        Assert.Equal(Utc(2005, 2, 4), item.Updated);
    }

    [Fact]
    public void Issued_wins_over_created()
    {
        var feed = Parse("""
            <rss version="2.0" xmlns:a="http://purl.org/atom/ns#">
              <channel><title>t</title><link>https://x.example/</link><description>d</description>
                <item><title>i</title><a:created>2005-01-01T00:00:00Z</a:created><a:issued>2005-01-02T00:00:00Z</a:issued></item>
              </channel>
            </rss>
            """);

        Assert.Equal(Utc(2005, 1, 2), Assert.Single(feed.Items).Published);
    }

    [Theory]
    [InlineData("http://my.netscape.com/rdf/simple/0.9/", FeedFormat.Rss090)]
    [InlineData("http://purl.org/rss/1.0/", FeedFormat.Rss10)]
    public void Rdf_items_take_title_link_author_and_date_from_atom(string rssNamespace, FeedFormat format)
    {
        var feed = Parse($"""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="{rssNamespace}" xmlns:a="http://www.w3.org/2005/Atom">
              <channel><title>Moor Post</title><link>https://moor.example/</link><description>d</description></channel>
              <item><a:title>Snow closes pass</a:title><a:link href="https://moor.example/snow"/>
                <a:author><a:name>Ben Ashby</a:name></a:author><a:published>2010-12-01T09:00:00Z</a:published></item>
            </rdf:RDF>
            """);

        Assert.Equal(format, feed.Format);
        var item = Assert.Single(feed.Items);
        Assert.Equal("Snow closes pass", item.Title);
        Assert.Equal("https://moor.example/snow", item.Link);
        Assert.Equal("Ben Ashby", Assert.Single(item.Authors).Name);
        Assert.Equal(Utc(2010, 12, 1, 9), item.Published);
    }
}
