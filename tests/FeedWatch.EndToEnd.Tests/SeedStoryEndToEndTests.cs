using System.Text.Json;
using FeedWatch.Cli.Demo;
using FeedWatch.Core.Alerts;
using FeedWatch.Core.Pipeline.Blobs;
using FeedWatch.Core.Pipeline.Documents;
using FeedWatch.Core.Serialization;
using FeedWatch.EndToEnd.Tests.Support;
using FeedWatch.Storage.Local.Blobs;

namespace FeedWatch.EndToEnd.Tests;

/// <summary>
/// The acceptance test of the foundation issue: the seed story spreading over five loopback outlets with BASIL
/// noise, run through the real CLI, real HTTP fetcher, parser, extractor, story engine and embedded storage.
/// </summary>
public sealed class SeedStoryEndToEndTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "feedwatch-e2e-" + Guid.NewGuid().ToString("N")[..8]);
    private LoopbackOutletServer _server = null!;
    private IReadOnlyDictionary<string, string> _noise = null!;
    private CliRunner _cli = null!;
    private string _feedsFile = "";

    public async Task InitializeAsync()
    {
        var sites = SeedOutlets.Build(out _noise);
        _server = new LoopbackOutletServer(sites);
        await _server.StartAsync();

        var settings = new Dictionary<string, string?>
        {
            ["FeedWatch:Workers:ScheduleInterval"] = "00:00:01",
            ["FeedWatch:Workers:RetryDelay"] = "00:00:01",
            ["FeedWatch:Http:AllowPrivateAddresses"] = "true", // the outlets are host-mapped to 127.0.0.1
        };
        foreach (var site in sites)
        {
            settings[$"FeedWatch:Http:HostMap:{site.Host}"] = "127.0.0.1";
        }

        _cli = new CliRunner(settings);
        Directory.CreateDirectory(_data);
        _feedsFile = Path.Combine(_data, "feeds.yaml");
        var yaml = "feeds:\n" + string.Concat(sites.Select(s => $"  - url: {_server.FeedUrl(s.Host)}\n    name: {s.Name}\n    pollInterval: 1s\n"));
        await File.WriteAllTextAsync(_feedsFile, yaml);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        // FEEDWATCH_E2E_KEEP=1 keeps the stores for inspection (`feedwatch stories --data DIR`).
        if (Directory.Exists(_data) && Environment.GetEnvironmentVariable("FEEDWATCH_E2E_KEEP") != "1")
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Fact]
    public async Task Seed_story_spreads_to_four_outlets_with_one_alert_each_and_nothing_repeats_after_restart()
    {
        var seedB = _server.Sites.Single(s => s.Host == "seed-b.example");
        var track = await _cli.RunAsync("track", "add", "--url", _server.PageUrl(seedB.Host, seedB.Pages[0]), "--data", _data);
        Assert.True(track.ExitCode == 0, track.Output + track.Error);

        var run = await _cli.RunAsync("run", "--feeds", _feedsFile, "--until-quiet", "--quiet", "--data", _data);
        Assert.True(run.ExitCode == 0, run.Output + run.Error);

        var alerts = await ReadAlertsAsync();
        var storyId = Assert.Single(alerts.Select(a => a.Data.StoryId).Distinct());
        Assert.Equal(["seed-a.example", "seed-c.example", "seed-d.example", "seed-e.example"], alerts.Select(a => a.Data.Outlet).Order(StringComparer.Ordinal));
        Assert.All(alerts, a => Assert.Equal(AlertIds.ForSpread(storyId, a.Data.Outlet), a.Id));
        Assert.All(alerts, a => Assert.Equal("seed-b.example", a.Data.OriginOutlet));

        var articles = await ReadArticlesAsync();
        AssertStoredOnce(articles);
        Assert.Equal(105, articles.Count);

        // No BASIL article joined the tracked story; the five seeds did.
        var members = articles.Where(a => a.Document.Stories.Any(s => s.StoryId == storyId)).ToList();
        Assert.Equal(["seed-a.example", "seed-b.example", "seed-c.example", "seed-d.example", "seed-e.example"], members.Select(a => a.Document.Outlet).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(members, a => a.Document.Url.Contains("/articles/noise-", StringComparison.Ordinal));
        var story = await ReadStoryAsync(storyId);
        Assert.Equal(5, story.ArticleCount);
        Assert.All(story.Outbox, e => Assert.NotNull(e.DeliveredAt));

        // Restart and poll again: feeds are fetched (conditionally), nothing new is stored or alerted.
        var feedRequestsBefore = _server.RequestCount("seed-a.example/feed.xml");
        var rerun = await _cli.RunAsync("run", "--feeds", _feedsFile, "--until-quiet", "--quiet", "--data", _data);
        Assert.True(rerun.ExitCode == 0, rerun.Output + rerun.Error);
        Assert.True(_server.RequestCount("seed-a.example/feed.xml") > feedRequestsBefore, "the restarted host did not poll again");
        Assert.Equal(4, (await ReadAlertsAsync()).Count);
        var after = await ReadArticlesAsync();
        AssertStoredOnce(after);
        Assert.Equal(105, after.Count);
        Assert.Equal(5, (await ReadStoryAsync(storyId)).ArticleCount);

        // The stories view agrees.
        var stories = await _cli.RunAsync("stories", "--json", "--tracked", "--data", _data);
        var tracked = JsonDocument.Parse(Assert.Single(stories.Lines)).RootElement;
        Assert.Equal(storyId, tracked.GetProperty("id").GetString());
        Assert.Equal(5, tracked.GetProperty("outlets").GetArrayLength());
    }

    private async Task<List<AlertEnvelope>> ReadAlertsAsync()
    {
        var result = await _cli.RunAsync("alerts", "--json", "--limit", "0", "--data", _data);
        Assert.Equal(0, result.ExitCode);
        return result.Lines.Select(l => JsonSerializer.Deserialize<AlertEnvelope>(l, FeedWatchJson.Options)!).ToList();
    }

    private LocalBlobStore Blobs() => new(Path.Combine(_data, "blobs"));

    private async Task<List<(string Name, ArticleDocument Document)>> ReadArticlesAsync()
    {
        var blobs = Blobs();
        var articles = new List<(string, ArticleDocument)>();
        await foreach (var info in blobs.ListAsync(BlobLayout.ArticlesPrefix))
        {
            if (BlobLayout.IsArticleDocument(info.Name))
            {
                articles.Add((info.Name, (await blobs.GetJsonAsync<ArticleDocument>(info.Name, default))!.Value));
            }
        }

        return articles;
    }

    private async Task<StoryDocument> ReadStoryAsync(string storyId) =>
        (await Blobs().GetJsonAsync<StoryDocument>(BlobLayout.Story(storyId), default))!.Value;

    private static void AssertStoredOnce(List<(string Name, ArticleDocument Document)> articles)
    {
        Assert.Equal(articles.Count, articles.Select(a => a.Document.Id).Distinct().Count());
        Assert.Equal(articles.Count, articles.Select(a => a.Document.CanonicalUrl).Distinct().Count());
        foreach (var (name, document) in articles)
        {
            Assert.Matches(@"^articles/\d{4}/\d{2}/\d{2}/seed-[a-e]\.example/[a-z0-9-]+-[0-9a-f]{10}\.json$", name);
            Assert.Equal(BlobLayout.RawPage(name), document.RawPageBlob);
        }
    }
}
