using System.Text;
using System.Text.Json;
using FeedWatch.Cli.Tests.Support;

namespace FeedWatch.Cli.Tests;

/// <summary>
/// The review's attack, end to end: a loopback feed listing 20,000 items, polled twice by `feedwatch run --until-quiet`
/// through the real fetcher and pipeline. The pages it makes FeedWatch request are counted on the wire.
/// </summary>
public sealed class HostileFeedRunTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task A_20000_item_feed_costs_at_most_a_few_hundred_page_fetches_over_two_polls()
    {
        await using var site = new SiteServer();
        var items = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            items.Append(System.Globalization.CultureInfo.InvariantCulture, $"<item><guid>g{i}</guid><title>Item {i}</title><link>{site.Url($"/a/{i}")}</link></item>");
        }

        site.Pages["/big.xml"] = SitePage.Rss($"""<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title><link>{site.BaseUrl}</link>{items}</channel></rss>""");
        using var folder = new TempFolder();
        var feeds = folder.File("feeds.json", $$"""{ "feeds": [ { "id": "big", "url": "{{site.Url("/big.xml")}}", "pollInterval": "1s" } ] }""");
        var cli = new CliRunner(new Dictionary<string, string?> { ["FeedWatch:Http:AllowPrivateAddresses"] = "true" });

        var first = await cli.RunAsync("run", "--feeds", feeds, "--until-quiet", "--quiet", "--data", folder.Path);
        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        var afterFirst = site.Requested.Count(p => p.StartsWith("/a/", StringComparison.Ordinal));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var second = await cli.RunAsync("run", "--feeds", feeds, "--until-quiet", "--quiet", "--data", folder.Path);
        Assert.True(second.ExitCode == 0, second.Output + second.Error);

        var pages = site.Requested.Count(p => p.StartsWith("/a/", StringComparison.Ordinal));
        output.WriteLine($"feed polls: {site.Requested.Count(p => p == "/big.xml")}, page fetches: {afterFirst} after the first poll, {pages} after the second, {site.Requested.Count} requests in all");
        Assert.Equal(2, site.Requested.Count(p => p == "/big.xml"));
        Assert.InRange(pages, 1, 200);

        var status = await cli.RunAsync("feeds", "status", "--json", "--data", folder.Path);
        Assert.Equal(0, status.ExitCode);
        var state = JsonDocument.Parse(File.ReadAllText(Directory.EnumerateFiles(folder.Path, "big.json", SearchOption.AllDirectories).Single())).RootElement;
        Assert.True(state.GetProperty("itemsSkippedTotal").GetInt32() >= 19_900);
    }
}
