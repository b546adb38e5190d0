using FeedWatch.Reliability.Tests.FaultInjection;
using Xunit.Abstractions;

namespace FeedWatch.Reliability.Tests.Load;

/// <summary>
/// The whole pipeline under load, through the `feedwatch eval load` command: simulated loopback feeds whose items
/// change every cycle are scheduled, polled, fetched, classified and alerted on the embedded store for a fixed number
/// of cycles. Afterwards the data folder itself is counted (independently of the command's own census): every served
/// item stored exactly once, the tracked story's reprint outlets alerted exactly once, queues drained, no poison.
/// CI runs 300 feeds (the 2,000-feed run takes about a quarter of an hour on the shared machine; it is measured with
/// the command, see docs/reliability.md). FEEDWATCH_LOAD_PIPELINE_FEEDS / _CYCLES scale it.
/// </summary>
public sealed class PipelineLoadTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("feedwatch-load-test-").FullName;

    private static int Setting(string name, int fallback) => int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;

    [Fact]
    public async Task Every_served_item_is_stored_once_and_every_reprint_alerted_once()
    {
        var feeds = Setting("FEEDWATCH_LOAD_PIPELINE_FEEDS", 300);
        var cycles = Setting("FEEDWATCH_LOAD_PIPELINE_CYCLES", 3);
        var cli = new CliRunner(new Dictionary<string, string?>());

        var result = await cli.RunAsync("eval", "load", "--feeds", $"{feeds}", "--cycles", $"{cycles}", "--data", _data);

        output.WriteLine(result.Output);
        var census = DataFolderCensus.Take(_data);
        output.WriteLine("data folder: " + census);
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("Nothing lost, duplicated or left over.", result.Output, StringComparison.Ordinal);

        // One new item per feed per cycle, plus the tracked story's origin and its reprints on outlets 1..5.
        var reprintOutlets = Enumerable.Range(1, 5).Select(i => $"outlet-{i}.example").ToList();
        Assert.Equal((feeds * cycles) + 1 + reprintOutlets.Count, census.ArticleUrls.Count);
        Assert.Equal(0, census.DuplicateArticles);
        Assert.All(census.ArticleUrls, url => Assert.Matches(@"^http://outlet-\d+\.example:\d+/", url));
        Assert.Equal(feeds, census.ArticleUrls.Select(url => new Uri(url).Host).Distinct().Count());
        Assert.Equal(reprintOutlets, census.AlertPairs.Select(p => p.Outlet).Order(StringComparer.Ordinal));
        Assert.Single(census.AlertPairs.Select(p => p.Story).Distinct());
        Assert.Equal(0, census.DuplicateQueuedAlerts);
        Assert.Equal(0, census.StageMessages);
        Assert.Equal(0, census.PoisonMessages);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // cleaned by the OS later
        }
    }
}
