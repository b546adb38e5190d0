using FeedWatch.Cli.Tests.Support;

namespace FeedWatch.Cli.Tests;

/// <summary>`feedwatch feeds discover` against a site on 127.0.0.1 that the test runs (loopback explicitly allowed).</summary>
public sealed class FeedsDiscoverCommandTests : IAsyncLifetime
{
    private const string Rss = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Harbour News</title><link>https://harbour.example/</link>
        <item><title>Ferry timetable approved</title><link>https://harbour.example/ferry</link></item></channel></rss>
        """;

    private readonly SiteServer site = new();
    private readonly CliRunner cli = new(new Dictionary<string, string?>());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task Lists_the_feeds_a_page_announces_with_link_rel_alternate_resolved_against_the_page()
    {
        site.Pages["/news/index.html"] = SitePage.Html("""
            <html><head><title>Harbour</title>
            <link rel="stylesheet" href="/style.css">
            <link rel="alternate" type="application/rss+xml" title="Harbour News (RSS)" href="rss.xml">
            <link rel="ALTERNATE" type="application/atom+xml" title="Harbour News (Atom)" href="/feeds/atom.xml">
            <link rel="alternate" hreflang="fr" href="/fr/">
            </head><body><p>Welcome</p></body></html>
            """);

        var result = await cli.RunAsync("feeds", "discover", site.Url("/news/index.html").AbsoluteUri, "--allow-private");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                $"{site.Url("/news/rss.xml")}\tapplication/rss+xml\tHarbour News (RSS)",
                $"{site.Url("/feeds/atom.xml")}\tapplication/atom+xml\tHarbour News (Atom)",
            ],
            Lines(result.Output));
        Assert.Equal(["/news/index.html"], site.Requested); // announced feeds need no probing
    }

    [Fact]
    public async Task Probes_the_common_paths_in_order_when_the_page_announces_nothing()
    {
        site.Pages["/"] = SitePage.Html("<html><head><title>Quiet site</title></head><body>No feed links here</body></html>");
        site.Pages["/rss.xml"] = SitePage.Rss(Rss);
        site.Pages["/feed"] = SitePage.Html("<html><body>A page called feed, but not a feed</body></html>");

        var result = await cli.RunAsync("feeds", "discover", site.BaseUrl.AbsoluteUri, "--allow-private");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([$"{site.Url("/rss.xml")}\trss20\tHarbour News"], Lines(result.Output));
        Assert.Equal(["/", "/feed", "/rss", "/feed.xml", "/rss.xml"], site.Requested);
    }

    [Fact]
    public async Task A_feed_url_is_reported_as_itself()
    {
        site.Pages["/feed.xml"] = SitePage.Rss(Rss);

        var result = await cli.RunAsync("feeds", "discover", site.Url("/feed.xml").AbsoluteUri, "--allow-private");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([$"{site.Url("/feed.xml")}\trss20\tHarbour News"], Lines(result.Output));
    }

    [Fact]
    public async Task A_site_without_feeds_is_an_error_after_every_common_path_was_tried()
    {
        site.Pages["/"] = SitePage.Html("<html><body>Nothing</body></html>");

        var result = await cli.RunAsync("feeds", "discover", site.BaseUrl.AbsoluteUri, "--allow-private");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no feed found", result.Error, StringComparison.Ordinal);
        Assert.Contains("/feed.json", site.Requested);
    }

    [Fact]
    public async Task Loopback_is_refused_unless_explicitly_allowed()
    {
        site.Pages["/"] = SitePage.Html("<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/rss.xml\"></head></html>");

        var result = await cli.RunAsync("feeds", "discover", site.BaseUrl.AbsoluteUri);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not a public address", result.Error, StringComparison.Ordinal);
        Assert.Empty(site.Requested);
    }

    [Fact]
    public async Task Add_puts_the_first_feed_found_into_the_feeds_file_once()
    {
        using var temp = new TempFolder();
        var feedsPath = Path.Combine(temp.Path, "feeds.yaml");
        site.Pages["/"] = SitePage.Html("""
            <html><head>
            <link rel="alternate" type="application/rss+xml" title="Harbour News (RSS)" href="/rss.xml">
            <link rel="alternate" type="application/atom+xml" title="Harbour News (Atom)" href="/atom.xml">
            </head></html>
            """);

        var first = await cli.RunAsync("feeds", "discover", site.BaseUrl.AbsoluteUri, "--allow-private", "--add", "--feeds", feedsPath);
        var again = await cli.RunAsync("feeds", "discover", site.BaseUrl.AbsoluteUri, "--allow-private", "--add", "--feeds", feedsPath);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains($"Added {site.Url("/rss.xml")} to {feedsPath}", first.Output, StringComparison.Ordinal);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("Already in", again.Output, StringComparison.Ordinal);
        var feed = Assert.Single(FeedWatch.Hosting.Configuration.FeedsFileLoader.Load(feedsPath).Feeds);
        Assert.Equal(site.Url("/rss.xml").AbsoluteUri, feed.Url);
        Assert.Equal("Harbour News (RSS)", feed.Name);
    }

    private static List<string> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
