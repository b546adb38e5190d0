using System.Text;
using System.Xml.Linq;
using FeedWatch.Core.Configuration;
using FeedWatch.Core.Feeds.Opml;

namespace FeedWatch.Core.Tests.Feeds.Opml;

public sealed class OpmlRoundTripTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 21, 3, 0, 0, TimeSpan.Zero);

    private static List<FeedDefinition> Sample() =>
    [
        new() { Url = "https://harbour.example/rss", Name = "Harbour Times", SiteUrl = "https://harbour.example/", Category = "News/World", Tags = ["shipping", "local"] },
        new() { Url = "https://valley.example/atom.xml", Name = "Valley <News> & \"Views\"", Category = "News", PollInterval = "10m", Adaptive = true },
        new() { Url = "https://bare.example/feed?format=rss&lang=en" },
        new() { Url = "https://ids.example/rss", Id = "ids-feed", Category = "News/World", Adaptive = false },
    ];

    [Fact]
    public void Export_then_import_gives_back_the_same_feed_list()
    {
        var bytes = OpmlWriter.Write(OpmlFeedList.FromFeeds(Sample(), "FeedWatch feeds", Created));

        var document = new OpmlReader().Read(bytes);
        var back = OpmlFeedList.ToFeeds(document);

        Assert.Empty(back.Invalid);
        Assert.Equal("2.0", document.Version);
        Assert.Equal(Created, document.DateCreated);
        Assert.Equal(Describe(Sample().OrderBy(f => f.Url)), Describe(back.Feeds.OrderBy(f => f.Url)));
    }

    [Fact]
    public void Writes_opml_2_with_nested_folders_and_a_text_attribute_on_every_outline()
    {
        var xml = XDocument.Parse(Encoding.UTF8.GetString(OpmlWriter.Write(OpmlFeedList.FromFeeds(Sample(), "FeedWatch feeds", Created))));

        Assert.Equal("2.0", xml.Root!.Attribute("version")?.Value);
        Assert.Equal("Sat, 21 Nov 2026 03:00:00 GMT", xml.Root.Element("head")!.Element("dateCreated")!.Value);
        var news = xml.Root.Element("body")!.Elements("outline").First();
        Assert.Equal("News", news.Attribute("text")?.Value);
        Assert.Null(news.Attribute("xmlUrl"));
        var world = news.Elements("outline").First();
        Assert.Equal("World", world.Attribute("text")?.Value);
        Assert.Equal(["https://harbour.example/rss", "https://ids.example/rss"], world.Elements("outline").Select(o => o.Attribute("xmlUrl")?.Value));
        Assert.Equal("shipping,local", world.Elements("outline").First().Attribute("category")?.Value);
        Assert.All(xml.Descendants("outline"), o => Assert.False(string.IsNullOrEmpty(o.Attribute("text")?.Value)));
        Assert.Equal("https://bare.example/feed?format=rss&lang=en", xml.Descendants("outline").Single(o => o.Attribute("text")?.Value == "https://bare.example/feed?format=rss&lang=en").Attribute("xmlUrl")?.Value);
        XNamespace fw = OpmlNames.FeedWatchNamespace;
        Assert.Equal("10m", xml.Descendants("outline").Single(o => o.Attribute("xmlUrl")?.Value == "https://valley.example/atom.xml").Attribute(fw + "pollInterval")?.Value);
    }

    private static List<string> Describe(IEnumerable<FeedDefinition> feeds) =>
        feeds.Select(f => string.Join(" | ", f.Url, f.Id, f.Name, f.SiteUrl, f.Category, string.Join(",", f.Tags ?? []), f.PollInterval, f.Adaptive)).ToList();
}
