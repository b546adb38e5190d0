using FeedWatch.Core.Feeds;
using static FeedWatch.Core.Tests.Feeds.NamespaceMix.NamespaceMixParsing;

namespace FeedWatch.Core.Tests.Feeds.NamespaceMix;

/// <summary>Dublin Core 1.0 and 1.1 title, creator and date where RSS or Atom has no element of its own.</summary>
public sealed class DublinCoreFallbackTests
{
    [Theory]
    [InlineData("http://purl.org/dc/elements/1.0/")]
    [InlineData("http://purl.org/dc/elements/1.1/")]
    public void Rss20_item_and_channel_take_title_creator_and_date_from_dublin_core(string dc)
    {
        var feed = Parse($"""
            <rss version="2.0" xmlns:dc="{dc}">
              <channel>
                <dc:title>Quay Gazette</dc:title><link>https://quay.example/</link><description>d</description>
                <dc:creator>Night Desk</dc:creator><dc:date>2024-03-02T08:00:00Z</dc:date>
                <item><dc:title>Crane collapses at pier 4</dc:title><link>https://quay.example/crane</link>
                  <dc:creator>Ida Morland</dc:creator><dc:date>2024-03-01T21:15:00Z</dc:date></item>
              </channel>
            </rss>
            """);

        Assert.Equal("Quay Gazette", feed.Title);
        Assert.Equal("Night Desk", Assert.Single(feed.Authors).Name);
        Assert.Equal(Utc(2024, 3, 2, 8), feed.Updated);
        var item = Assert.Single(feed.Items);
        Assert.Equal("Crane collapses at pier 4", item.Title);
        Assert.Equal("Ida Morland", Assert.Single(item.Authors).Name);
        Assert.Equal(Utc(2024, 3, 1, 21, 15), item.Published);
    }

    [Fact]
    public void Rss091_channel_reads_dublin_core_10()
    {
        var feed = Parse("""
            <rss version="0.91" xmlns:dc="http://purl.org/dc/elements/1.0/">
              <channel><title>Old Mill Weekly</title><link>https://mill.example/</link><description>d</description><language>en</language>
                <item><title>Weir repaired</title><link>https://mill.example/weir</link><dc:date>2001-05-04</dc:date><dc:creator>P. Hale</dc:creator></item>
              </channel>
            </rss>
            """);

        Assert.Equal(FeedFormat.Rss091, feed.Format);
        var item = Assert.Single(feed.Items);
        Assert.Equal(Utc(2001, 5, 4), item.Published);
        Assert.Equal("P. Hale", Assert.Single(item.Authors).Name);
    }

    [Fact]
    public void Rss10_items_read_dublin_core_10()
    {
        var feed = Parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.0/">
              <channel rdf:about="https://fen.example/"><title>Fen Notes</title><link>https://fen.example/</link><description>d</description>
                <dc:date>2019-11-02T10:00:00+01:00</dc:date></channel>
              <item rdf:about="https://fen.example/1"><title>Flood gates shut</title><link>https://fen.example/1</link>
                <dc:creator>R. Quill</dc:creator><dc:date>2019-11-01T07:30:00Z</dc:date></item>
            </rdf:RDF>
            """);

        Assert.Equal(Utc(2019, 11, 2, 9), feed.Updated);
        var item = Assert.Single(feed.Items);
        Assert.Equal(Utc(2019, 11, 1, 7, 30), item.Published);
        Assert.Equal("R. Quill", Assert.Single(item.Authors).Name);
    }

    [Theory]
    [InlineData("http://www.w3.org/2005/Atom", "http://purl.org/dc/elements/1.1/")]
    [InlineData("http://purl.org/atom/ns#", "http://purl.org/dc/elements/1.0/")]
    public void Atom_entries_and_feed_fall_back_to_dublin_core(string atom, string dc)
    {
        var feed = Parse($"""
            <feed xmlns="{atom}" xmlns:dc="{dc}" version="{(atom.EndsWith('#') ? "0.3" : "1.0")}">
              <dc:title>Ridge Radio</dc:title><dc:creator>Ridge Newsroom</dc:creator><dc:date>2022-06-10T12:00:00Z</dc:date>
              <link rel="alternate" type="text/html" href="https://ridge.example/"/>
              <entry>
                <dc:title>Road closed by landslide</dc:title><link rel="alternate" type="text/html" href="https://ridge.example/slide"/>
                <id>tag:ridge.example,2022:slide</id><dc:creator>Tomas Brek</dc:creator><dc:date>2022-06-09T18:45:00Z</dc:date>
              </entry>
            </feed>
            """);

        Assert.Equal("Ridge Radio", feed.Title);
        Assert.Equal(Utc(2022, 6, 10, 12), feed.Updated);
        Assert.Equal("Ridge Newsroom", Assert.Single(feed.Authors).Name);
        var item = Assert.Single(feed.Items);
        Assert.Equal("Road closed by landslide", item.Title);
        Assert.Equal("Tomas Brek", Assert.Single(item.Authors).Name);
        Assert.Equal(Utc(2022, 6, 9, 18, 45), item.Published);
    }
}
