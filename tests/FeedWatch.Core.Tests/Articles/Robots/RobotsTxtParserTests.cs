using FeedWatch.Core.Articles.Robots;

namespace FeedWatch.Core.Tests.Articles.Robots;

public sealed class RobotsTxtParserTests
{
    private const string Sample = """
        # comments are ignored
        User-agent: *
        Disallow: /private/
        Allow: /private/press/
        Disallow: /*.pdf$
        Disallow: /search?
        Crawl-delay: 2

        User-agent: OtherBot
        User-agent: FeedWatch/2.1
        Disallow: /news/drafts
        Allow: /news/drafts/public
        Crawl-delay: 5

        Sitemap: https://site.example/sitemap.xml
        garbage line without colon
        """;

    private readonly RobotsTxt robots = RobotsTxtParser.Parse(Sample);

    [Theory]
    [InlineData("*", "/news/today", true)]
    [InlineData("*", "/private/x", false)]
    [InlineData("*", "/private/press/release", true)]
    [InlineData("*", "/files/report.pdf", false)]
    [InlineData("*", "/files/report.pdf?download=1", true)]
    [InlineData("*", "/search?q=dam", false)]
    [InlineData("*", "/robots.txt", true)]
    [InlineData("SomeBot", "/private/x", false)]
    public void Star_group_applies_to_unnamed_agents_with_longest_match_winning(string agent, string path, bool allowed)
    {
        Assert.Equal(allowed, robots.IsAllowed(agent, path));
    }

    [Fact]
    public void A_group_naming_our_product_token_replaces_the_star_group()
    {
        Assert.True(robots.IsAllowed("feedwatch", "/private/x"));
        Assert.False(robots.IsAllowed("FeedWatch", "/news/drafts/2024"));
        Assert.True(robots.IsAllowed("FeedWatch", "/news/drafts/public/1"));
        Assert.Equal(TimeSpan.FromSeconds(5), robots.CrawlDelay("FeedWatch"));
        Assert.Equal(TimeSpan.FromSeconds(2), robots.CrawlDelay("AnyoneElse"));
        Assert.Equal(["https://site.example/sitemap.xml"], robots.Sitemaps);
    }

    [Fact]
    public void Equal_length_allow_and_disallow_resolve_to_allow()
    {
        var tie = RobotsTxtParser.Parse("User-agent: *\nDisallow: /page\nAllow: /page\n");

        Assert.True(tie.IsAllowed("FeedWatch", "/page"));
    }

    [Fact]
    public void Empty_disallow_allows_everything_and_empty_file_has_no_rules()
    {
        Assert.True(RobotsTxtParser.Parse("User-agent: *\nDisallow:\n").IsAllowed("FeedWatch", "/anything"));
        Assert.True(RobotsTxtParser.Parse("").IsAllowed("FeedWatch", "/anything"));
        Assert.False(RobotsTxtParser.Parse("User-agent: *\nDisallow: /\n").IsAllowed("FeedWatch", "/anything"));
    }

    [Fact]
    public void Non_ascii_paths_match_percent_encoded_rules()
    {
        var rules = RobotsTxtParser.Parse("User-agent: *\nDisallow: /caf%C3%A9/\n");

        Assert.False(rules.IsAllowed("FeedWatch", "/café/menu"));
    }

    [Fact]
    public void Hostile_wildcard_patterns_finish_quickly()
    {
        var pattern = string.Concat(Enumerable.Repeat("*a", 200)) + "b$";
        var rules = RobotsTxtParser.Parse("User-agent: *\nDisallow: " + pattern + "\n");

        Assert.True(rules.IsAllowed("FeedWatch", "/" + new string('a', 5000)));
    }
}
