using FeedWatch.Core.Configuration;
using FeedWatch.Core.Feeds.Opml;

namespace FeedWatch.Core.Tests.Feeds.Opml;

public sealed class FeedListMergerTests
{
    [Fact]
    public void Duplicates_are_recognised_by_url_and_only_gain_what_they_lack()
    {
        var existing = new List<FeedDefinition>
        {
            new() { Url = "https://harbour.example/rss", Name = "Harbour (mine)", PollInterval = "5m", Tags = ["mine"] },
            new() { Url = "https://valley.example/atom.xml", Name = "Valley", Category = "Local" },
        };
        var incoming = new List<FeedDefinition>
        {
            new() { Url = "http://HARBOUR.example:80/rss#top", Name = "Harbour Times", SiteUrl = "https://harbour.example/", Category = "News", Tags = ["MINE", "shipping"] },
            new() { Url = "https://valley.example/atom.xml", Name = "Valley News", Category = "News" },
            new() { Url = "https://new.example/feed", Name = "New" },
            new() { Url = "https://new.example/feed", Name = "New again" },
        };

        var result = FeedListMerger.Merge(existing, incoming);

        Assert.Equal(new FeedListMergeResult(Added: 1, AlreadyPresent: 3, Enriched: 1), result);
        Assert.Equal(3, existing.Count);
        var harbour = existing[0];
        Assert.Equal("Harbour (mine)", harbour.Name);           // what the user wrote wins
        Assert.Equal("5m", harbour.PollInterval);
        Assert.Equal("https://harbour.example/", harbour.SiteUrl); // missing fields are filled
        Assert.Equal("News", harbour.Category);
        Assert.Equal(["mine", "shipping"], harbour.Tags);          // tags are a case-insensitive union
        Assert.Equal("Local", existing[1].Category);
        Assert.Equal("New", existing[2].Name);
    }

    [Theory]
    [InlineData("https://a.example/rss", "http://a.example/rss", true)]
    [InlineData("https://A.example/rss#x", "https://a.example/rss", true)]
    [InlineData("https://a.example/rss?utm_source=opml", "https://a.example/rss", true)]
    [InlineData("https://a.example/rss", "https://a.example/atom", false)]
    [InlineData("https://a.example/rss?cat=1", "https://a.example/rss?cat=2", false)]
    public void Url_identity_ignores_only_what_never_names_another_feed(string a, string b, bool same) =>
        Assert.Equal(same, FeedListMerger.Key(a) == FeedListMerger.Key(b));
}
