using FeedWatch.Core.Feeds;
using static FeedWatch.Core.Tests.Feeds.NamespaceMix.NamespaceMixParsing;

namespace FeedWatch.Core.Tests.Feeds.NamespaceMix;

/// <summary>RSS 2.0 "email (Name)" authors, Atom &lt;source&gt; author inheritance, enclosures that are not permalinks.</summary>
public sealed class AuthorAndLinkRulesTests
{
    [Theory]
    [InlineData("lena@tide.example (Lena Marsh)", "Lena Marsh", "lena@tide.example")]
    [InlineData("Lena Marsh (lena@tide.example)", "Lena Marsh", "lena@tide.example")]
    [InlineData("Lena Marsh <lena@tide.example>", "Lena Marsh", "lena@tide.example")]
    [InlineData("lena@tide.example", null, "lena@tide.example")]
    [InlineData("Lena Marsh", "Lena Marsh", null)]
    public void Rss20_author_gives_name_and_email(string author, string? name, string? email)
    {
        var feed = Parse($"""
            <rss version="2.0"><channel><title>t</title><link>https://tide.example/</link><description>d</description>
              <managingEditor>{author}</managingEditor>
              <item><title>i</title><author>{author}</author></item></channel></rss>
            """.Replace("<lena@", "&lt;lena@", StringComparison.Ordinal).Replace(".example>", ".example&gt;", StringComparison.Ordinal));

        Assert.Equal(new FeedPerson(name, email, null), Assert.Single(Assert.Single(feed.Items).Authors));
        Assert.Equal(new FeedPerson(name, email, null), Assert.Single(feed.Authors));
    }

    [Fact]
    public void Atom_entry_without_author_inherits_its_source_author_before_the_feed_author()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Aggregator</title><author><name>Aggregator Bot</name></author>
              <entry><title>copied</title><id>urn:1</id>
                <source><title>Origin Daily</title><author><name>Origin Reporter</name><uri>https://origin.example/</uri></author></source></entry>
              <entry><title>own</title><id>urn:2</id></entry>
            </feed>
            """);

        Assert.Equal(new FeedPerson("Origin Reporter", null, "https://origin.example/"), Assert.Single(feed.Items[0].Authors));
        Assert.Equal("Aggregator Bot", Assert.Single(feed.Items[1].Authors).Name);
    }

    [Fact]
    public void A_guid_that_is_the_enclosure_url_is_not_the_item_link()
    {
        var feed = Parse("""
            <rss version="2.0"><channel><title>Cast</title><link>https://cast.example/</link><description>d</description>
              <item><title>Episode 1</title><guid>https://cdn.cast.example/ep1.mp3</guid>
                <enclosure url="https://cdn.cast.example/ep1.mp3" type="audio/mpeg" length="100"/></item>
              <item><title>Episode 2</title><guid>https://cast.example/ep2</guid>
                <enclosure url="https://cdn.cast.example/ep2.mp3" type="audio/mpeg" length="100"/></item>
            </channel></rss>
            """);

        Assert.Null(feed.Items[0].Link);
        Assert.Equal("https://cdn.cast.example/ep1.mp3", Assert.Single(feed.Items[0].Enclosures).Url);
        Assert.Equal("https://cast.example/ep2", feed.Items[1].Link);
    }

    [Fact]
    public void Atom_enclosure_links_in_rss_are_not_the_item_link()
    {
        var feed = Parse("""
            <rss version="2.0" xmlns:a="http://www.w3.org/2005/Atom"><channel><title>Cast</title><link>https://cast.example/</link><description>d</description>
              <item><title>Episode 3</title><a:link rel="enclosure" type="audio/mpeg" href="https://cdn.cast.example/ep3.mp3"/>
                <a:link type="audio/mpeg" href="https://cdn.cast.example/ep3.mp3"/></item>
              <item><title>Episode 4</title><a:link rel="enclosure" type="audio/mpeg" href="https://cdn.cast.example/ep4.mp3"/>
                <a:link rel="alternate" type="text/html" href="https://cast.example/ep4"/></item>
            </channel></rss>
            """);

        Assert.Null(feed.Items[0].Link);
        Assert.Equal("https://cdn.cast.example/ep3.mp3", Assert.Single(feed.Items[0].Enclosures).Url);
        Assert.Equal("https://cast.example/ep4", feed.Items[1].Link);
    }

    [Fact]
    public void Atom_entry_with_only_an_enclosure_link_has_no_link()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Cast</title>
              <entry><title>Episode 5</title><id>urn:5</id><link rel="enclosure" type="audio/mpeg" href="https://cdn.cast.example/ep5.mp3"/></entry>
            </feed>
            """);

        Assert.Null(Assert.Single(feed.Items).Link);
    }

    [Fact]
    public void Atom_alternate_pointing_at_the_enclosed_file_is_not_the_entry_link()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Cast</title>
              <entry><title>Episode 6</title><id>urn:6</id><link href="https://cdn.cast.example/ep6.mp3"/>
                <link rel="enclosure" type="audio/mpeg" href="https://cdn.cast.example/ep6.mp3"/></entry>
              <entry><title>Episode 7</title><id>urn:7</id><link href="https://cdn.cast.example/ep7.mp3"/>
                <link rel="enclosure" type="audio/mpeg" href="https://cdn.cast.example/ep7.mp3"/>
                <link rel="alternate" type="text/html" href="https://cast.example/ep7"/></entry>
            </feed>
            """);

        Assert.Null(feed.Items[0].Link);
        Assert.Equal("https://cdn.cast.example/ep6.mp3", Assert.Single(feed.Items[0].Enclosures).Url);
        Assert.Equal("https://cast.example/ep7", feed.Items[1].Link);
    }
}
