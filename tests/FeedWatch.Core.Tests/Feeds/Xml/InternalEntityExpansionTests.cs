using System.Text;
using FeedWatch.Core.Feeds;

namespace FeedWatch.Core.Tests.Feeds.Xml;

/// <summary>
/// DOCTYPE internal entity declarations: expanded when internal and within bounds (count, depth, inserted size);
/// billion-laughs, recursion, parameter and external entities (XXE) refused, leaving the references unexpanded.
/// </summary>
public sealed class InternalEntityExpansionTests
{
    private static readonly FeedParser Parser = new();

    private static ParsedFeed Parse(string xml) => Parser.Parse(Encoding.UTF8.GetBytes(xml));

    [Fact]
    public void Rss091_internal_entities_are_expanded_and_the_feed_is_well_formed()
    {
        var feed = Parse("""
            <?xml version="1.0"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd" [
              <!-- the site's own shorthands -->
              <!ENTITY site "Lantern Quay">
              <!ENTITY tag "tag:lantern.example,">
              <!ENTITY copy "&#169; &site;">
              <!ENTITY site "ignored: the first declaration binds">
            ]>
            <rss version="0.91"><channel><title>&site; Bulletin</title><link>https://lantern.example/</link>
              <description>&copy;</description><language>en</language>
              <item><title>Lamps relit on &site;</title><link>https://lantern.example/lamps</link>
                <description><![CDATA[&site; stays literal in CDATA]]></description></item>
            </channel></rss>
            """);

        Assert.True(feed.WellFormed, string.Join("; ", feed.Problems));
        Assert.Empty(feed.Problems);
        Assert.Equal(FeedFormat.Rss091, feed.Format);
        Assert.Equal("Lantern Quay Bulletin", feed.Title);
        Assert.Equal("© Lantern Quay", feed.Description);
        Assert.Equal("Lamps relit on Lantern Quay", feed.Items[0].Title);
        Assert.Equal("&site; stays literal in CDATA", feed.Items[0].Summary);
    }

    [Fact]
    public void Entities_in_attribute_values_and_with_markup_are_expanded()
    {
        var feed = Parse("""
            <!DOCTYPE rss [ <!ENTITY cdn 'https://cdn.lantern.example'> <!ENTITY strong "<b>bold</b>"> ]>
            <rss version="2.0"><channel><title>t</title><link>https://lantern.example/</link><description>d</description>
              <item><title>i</title><description>a &strong; claim</description>
                <enclosure url="&cdn;/ep1.mp3" type="audio/mpeg" length="10"/></item>
            </channel></rss>
            """);

        Assert.True(feed.WellFormed, string.Join("; ", feed.Problems));
        Assert.Equal("https://cdn.lantern.example/ep1.mp3", Assert.Single(feed.Items[0].Enclosures).Url);
        Assert.Equal("a <b>bold</b> claim", feed.Items[0].Summary);
    }

    [Fact]
    public void Billion_laughs_within_the_depth_limit_is_refused_by_the_size_limit()
    {
        // Four levels of 64 references each: 64^4 × 64 characters if expanded.
        var bomb = new StringBuilder("<!DOCTYPE rss [<!ENTITY l0 \"").Append('x', 64).Append("\">");
        for (var i = 1; i <= 4; i++)
        {
            bomb.Append($"<!ENTITY l{i} \"").Append(string.Concat(Enumerable.Repeat($"&l{i - 1};", 64))).Append("\">");
        }

        bomb.Append("]><rss version=\"2.0\"><channel><title>&l3;</title><description>&l4;</description></channel></rss>");
        var before = GC.GetAllocatedBytesForCurrentThread();
        var feed = Parse(bomb.ToString());
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.False(feed.WellFormed);
        Assert.Contains(feed.Problems, p => p.Contains("more than 1,048,576 characters", StringComparison.Ordinal));
        Assert.True((feed.Title ?? string.Empty).Length < 100);
        Assert.True(allocated < 16 * 1024 * 1024, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Deep_nesting_is_refused_by_the_depth_limit()
    {
        var deep = new StringBuilder("<!DOCTYPE rss [<!ENTITY d0 \"x\">");
        for (var i = 1; i <= 5; i++)
        {
            deep.Append($"<!ENTITY d{i} \"&d{i - 1};\">");
        }

        deep.Append("]><rss version=\"2.0\"><channel><title>&d5;</title><description>&d3;</description></channel></rss>");
        var feed = Parse(deep.ToString());

        Assert.False(feed.WellFormed);
        Assert.Contains(feed.Problems, p => p.Contains("nested more than 4 deep", StringComparison.Ordinal));
    }

    [Fact]
    public void Recursive_entities_are_refused()
    {
        var feed = Parse("""
            <!DOCTYPE rss [ <!ENTITY a "x&b;"> <!ENTITY b "y&a;"> ]>
            <rss version="2.0"><channel><title>&a;</title></channel></rss>
            """);

        Assert.False(feed.WellFormed);
        Assert.Contains(feed.Problems, p => p.Contains("refers to itself", StringComparison.Ordinal));
    }

    [Fact]
    public void More_than_64_declarations_are_refused()
    {
        var many = new StringBuilder("<!DOCTYPE rss [");
        for (var i = 0; i < 65; i++)
        {
            many.Append($"<!ENTITY e{i} \"v{i}\">");
        }

        many.Append("]><rss version=\"2.0\"><channel><title>&e1;</title></channel></rss>");
        var feed = Parse(many.ToString());

        Assert.False(feed.WellFormed);
        Assert.Contains(feed.Problems, p => p.Contains("more than 64 entity declarations", StringComparison.Ordinal));
        Assert.DoesNotContain("v1", feed.Title ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public void External_entities_are_never_read()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"feedwatch-xxe-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secret, "SECRET-MARKER-7731");
        try
        {
            var uri = new Uri(secret).AbsoluteUri;
            foreach (var declaration in new[]
            {
                $"<!ENTITY xxe SYSTEM \"{uri}\">",
                $"<!ENTITY xxe PUBLIC \"-//X//Y\" \"{uri}\">",
                $"<!ENTITY % p SYSTEM \"{uri}\"> %p;",
                "<!ENTITY safe \"ok\"><!ENTITY xxe SYSTEM \"" + uri + "\">",
            })
            {
                var feed = Parse($"<!DOCTYPE rss [ {declaration} ]><rss version=\"2.0\"><channel><title>&xxe;</title><description>&safe;</description></channel></rss>");

                Assert.False(feed.WellFormed);
                Assert.DoesNotContain("SECRET-MARKER", feed.Title ?? string.Empty, StringComparison.Ordinal);
                Assert.Contains(feed.Problems, p => p.Contains("not expanded", StringComparison.Ordinal));
            }
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void Parameter_entities_are_refused()
    {
        var feed = Parse("""
            <!DOCTYPE rss [ <!ENTITY % p "<!ENTITY t 'injected'>"> %p; ]>
            <rss version="2.0"><channel><title>&t;</title></channel></rss>
            """);

        Assert.False(feed.WellFormed);
        Assert.Contains(feed.Problems, p => p.Contains("parameter entity", StringComparison.Ordinal));
        Assert.DoesNotContain("injected", feed.Title ?? string.Empty, StringComparison.Ordinal);
    }
}
