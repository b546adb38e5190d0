using FeedWatch.Core.Feeds.Discovery;

namespace FeedWatch.Core.Tests.Feeds;

public sealed class FeedDiscoveryTests
{
    [Fact]
    public void Finds_alternate_links_and_feed_like_anchors_resolved_against_base()
    {
        var html = """
            <html><head><base href="https://news.example/section/">
            <link rel="alternate" type="application/rss+xml" title="All news" href="rss.xml">
            <link rel="Alternate" type="application/atom+xml" href="https://news.example/atom.xml">
            <link rel="alternate" type="text/html" href="/fr/">
            <link rel="stylesheet" href="site.css">
            </head><body><a href="/topics/politics/feed">Politics feed</a><a href="/about">About</a>
            <a href="rss.xml">duplicate</a></body></html>
            """;

        var feeds = FeedDiscovery.FromHtml(html, new Uri("https://news.example/index.html"));

        Assert.Equal(
            ["https://news.example/section/rss.xml", "https://news.example/atom.xml", "https://news.example/topics/politics/feed"],
            feeds.Select(f => f.Url.AbsoluteUri));
        Assert.Equal("All news", feeds[0].Title);
        Assert.Equal("application/atom+xml", feeds[1].Type);
    }

    [Fact]
    public void Common_paths_are_on_the_page_site() =>
        Assert.Contains(new Uri("https://news.example/feed"), FeedDiscovery.CommonPaths(new Uri("https://news.example/a/b?c=d")));

    [Theory]
    [InlineData("text/html; charset=windows-1252", "<html><head>")]
    [InlineData("text/html", "<html><head><meta charset=\"windows-1252\">")]
    public void Page_bytes_are_decoded_by_the_http_charset_or_the_meta_charset(string contentType, string head)
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var html = head + "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Caf\u00e9 Soci\u00e9t\u00e9\" href=\"/rss\"></head><body></body></html>";
        var bytes = System.Text.Encoding.GetEncoding(1252).GetBytes(html);

        var feed = Assert.Single(FeedDiscovery.FromHtml(bytes, new Uri("https://cafe.example/"), contentType));

        Assert.Equal("Caf\u00e9 Soci\u00e9t\u00e9", feed.Title);
        Assert.Equal("https://cafe.example/rss", feed.Url.AbsoluteUri);
    }
}
