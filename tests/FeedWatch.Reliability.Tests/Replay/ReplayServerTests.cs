using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using FeedWatch.Core.Configuration;
using FeedWatch.Reliability.Tests.Support;
using FeedWatch.Replay.Configuration;
using FeedWatch.Replay.Corpus;
using FeedWatch.Replay.Schedule;
using FeedWatch.Replay.Server;

namespace FeedWatch.Reliability.Tests.Replay;

public sealed class ReplayServerTests
{
    private static readonly DateTimeOffset T0 = new(2020, 9, 28, 12, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<CorpusArticle> Corpus() =>
    [
        new("a1", "gold-label-1", "alpha.example", null, T0, "Embassy may close", "The embassy may close.\nOfficials said so on Monday.", "en"),
        new("b1", "gold-label-1", "beta.example", null, T0.AddHours(1), "Embassy closure <feared>", "Beta reports the embassy & its staff may leave.", "en"),
        new("a2", "gold-label-2", "alpha.example", null, T0.AddHours(2), "Markets rally", "Stocks rose.", "en"),
    ];

    [Fact]
    public async Task Feeds_grow_as_the_clock_releases_articles_and_pages_appear_with_them()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        await using var server = await ReplayServer.StartAsync(ReplayPlan.Create(Corpus(), ReplaySpeed.Compressed(3600)), new ReplayServerOptions { TimeProvider = clock });
        using var http = HostMappedHttpClient.Create();
        var alphaFeed = server.Links.Feed("alpha.example");

        var first = await http.GetAsync(alphaFeed);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/rss+xml", first.Content.Headers.ContentType!.MediaType);
        var items = XDocument.Parse(await first.Content.ReadAsStringAsync()).Descendants("item").ToList();
        Assert.Equal(["Embassy may close"], items.Select(i => (string)i.Element("title")!));

        // Not yet released: the page is not there, and the feed answers 304 to its own ETag.
        var laterPage = server.ArticleUrl(server.Plan.Articles.Single(a => a.Article.Id == "a2"));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(laterPage)).StatusCode);
        using (var conditional = new HttpRequestMessage(HttpMethod.Get, alphaFeed))
        {
            conditional.Headers.TryAddWithoutValidation("If-None-Match", first.Headers.ETag!.Tag);
            Assert.Equal(HttpStatusCode.NotModified, (await http.SendAsync(conditional)).StatusCode);
        }

        clock.Advance(TimeSpan.FromSeconds(2));
        var second = XDocument.Parse(await http.GetStringAsync(alphaFeed)).Descendants("item").ToList();
        Assert.Equal(["Markets rally", "Embassy may close"], second.Select(i => (string)i.Element("title")!));
        Assert.Equal(laterPage.AbsoluteUri, (string)second[0].Element("link")!);
        Assert.Equal("Mon, 28 Sep 2020 14:00:00 GMT", (string)second[0].Element("pubDate")!);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(laterPage)).StatusCode);
        Assert.Equal(1, server.Statistics.FetchCount("a2"));
        Assert.True(server.AllReleased);
    }

    [Fact]
    public async Task Article_pages_carry_the_text_among_realistic_boilerplate_and_never_the_story_label()
    {
        await using var server = await ReplayServer.StartAsync(ReplayPlan.Create(Corpus(), ReplaySpeed.AllAtOnce));
        using var http = HostMappedHttpClient.Create();
        var beta = server.Plan.Articles.Single(a => a.Article.Id == "b1");
        var html = await http.GetStringAsync(server.ArticleUrl(beta));

        Assert.Contains("<h1 class=\"headline\">Embassy closure &lt;feared&gt;</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<p>Beta reports the embassy &amp; its staff may leave.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<nav", html, StringComparison.Ordinal);
        Assert.Contains("<footer", html, StringComparison.Ordinal);
        Assert.Contains($"rel=\"canonical\" href=\"{server.ArticleUrl(beta).AbsoluteUri}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("gold-label", html, StringComparison.Ordinal);

        var alphaSecond = server.Plan.Articles.Single(a => a.Article.Id == "a2");
        var alphaHtml = await http.GetStringAsync(server.ArticleUrl(alphaSecond));
        Assert.Contains("class=\"related\"", alphaHtml, StringComparison.Ordinal);
        Assert.Contains(">Embassy may close</a>", alphaHtml, StringComparison.Ordinal);
        Assert.Contains("<p>The embassy may close.</p>", await http.GetStringAsync(server.ArticleUrl(server.Plan.Articles[0])), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_hosts_and_paths_get_404_and_the_feed_window_caps_items()
    {
        await using var server = await ReplayServer.StartAsync(ReplayPlan.Create(Corpus(), ReplaySpeed.AllAtOnce), new ReplayServerOptions { MaxItemsPerFeed = 1 });
        using var http = HostMappedHttpClient.Create();
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri($"http://nobody.example:{server.Port}/feed.xml"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri($"http://alpha.example:{server.Port}/nothing.html"))).StatusCode);
        var items = XDocument.Parse(await http.GetStringAsync(server.Links.Feed("alpha.example"))).Descendants("item").ToList();
        Assert.Equal(["Markets rally"], items.Select(i => (string)i.Element("title")!));
        var home = await http.GetStringAsync(server.Links.Home("alpha.example"));
        Assert.Contains("application/rss+xml", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feeds_file_lists_every_outlet_feed_and_maps_every_host_to_loopback()
    {
        await using var server = await ReplayServer.StartAsync(ReplayPlan.Create(Corpus(), ReplaySpeed.AllAtOnce));
        using var stream = new MemoryStream();
        new FeedsFileJsonFormat().Write(server.CreateFeedsFile(TimeSpan.FromSeconds(7)), stream);
        var file = JsonSerializer.Deserialize<FeedsFile>(stream.ToArray(), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal(
            [$"http://alpha.example:{server.Port}/feed.xml", $"http://beta.example:{server.Port}/feed.xml"],
            file.Feeds.Select(f => f.Url));
        Assert.All(file.Feeds, f => Assert.Equal(TimeSpan.FromSeconds(7), Durations.Parse(f.PollInterval!, "pollInterval")));
        Assert.Equal(["alpha.example", "beta.example"], file.Feeds.Select(f => f.Name));
        Assert.Equal(new Dictionary<string, string> { ["alpha.example"] = "127.0.0.1", ["beta.example"] = "127.0.0.1" }, file.HostMap);
    }

    [Fact]
    public async Task Every_article_of_a_shared_corpus_is_reachable_from_its_outlet_feed()
    {
        var corpus = CorpusReader.ReadFile(RepoPaths.SharedData("stories", "basil.jsonl"));
        await using var server = await ReplayServer.StartAsync(ReplayPlan.Create(corpus, ReplaySpeed.AllAtOnce));
        using var http = HostMappedHttpClient.Create();
        var linked = new List<string>();
        foreach (var feed in server.FeedUrls)
        {
            var document = XDocument.Parse(await http.GetStringAsync(feed));
            linked.AddRange(document.Descendants("item").Select(i => (string)i.Element("link")!));
        }

        Assert.Equal(corpus.Count, linked.Distinct().Count());
        foreach (var link in linked.Take(30))
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(link))).StatusCode);
        }
    }
}
