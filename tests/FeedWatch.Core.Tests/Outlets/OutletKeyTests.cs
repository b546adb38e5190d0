using FeedWatch.Core.Outlets;

namespace FeedWatch.Core.Tests.Outlets;

public sealed class OutletKeyTests
{
    [Theory]
    [InlineData("https://news.bbc.co.uk/world", "bbc.co.uk")]
    [InlineData("https://bbc.co.uk/", "bbc.co.uk")]
    [InlineData("https://www.example.co.uk/a", "example.co.uk")]
    [InlineData("https://other.co.uk/a", "other.co.uk")]
    [InlineData("https://www.smh.com.au/national", "smh.com.au")]
    [InlineData("https://edition.cnn.com/x", "cnn.com")]
    [InlineData("https://WWW.Reuters.COM./x", "reuters.com")]
    [InlineData("https://someone.blogspot.com/post", "someone.blogspot.com")]
    [InlineData("https://www.asahi.co.jp/", "asahi.co.jp")]
    [InlineData("https://lemonde.fr/", "lemonde.fr")]
    [InlineData("http://127.0.0.1:8080/feed", "127.0.0.1")]
    public void Keys_outlets_by_registrable_domain(string url, string expected) =>
        Assert.Equal(expected, OutletKey.FromUrl(new Uri(url)));

    [Fact]
    public void Two_registrants_under_one_public_suffix_stay_apart() =>
        Assert.NotEqual(OutletKey.FromHost("example.co.uk"), OutletKey.FromHost("other.co.uk"));

    [Fact]
    public void Aliases_join_domains_and_can_split_a_host()
    {
        var resolver = new OutletResolver(new Dictionary<string, string>
        {
            ["bbc.com"] = "bbc.co.uk",
            ["blogs.example.com"] = "example-blogs",
        });

        Assert.Equal("bbc.co.uk", resolver.Resolve(new Uri("https://www.bbc.com/news")));
        Assert.Equal("example-blogs", resolver.ResolveHost("blogs.example.com"));
        Assert.Equal("example.com", resolver.ResolveHost("www.example.com"));
    }

    [Fact]
    public void Empty_host_is_a_clear_error() =>
        Assert.Throws<ArgumentException>(() => OutletKey.FromHost("  "));
}
