using System.Text.Json;
using FeedWatch.Cli.Tests.Support;

namespace FeedWatch.Cli.Tests;

/// <summary>
/// A feed that moved permanently with a relative Location header, through the real fetcher and pipeline
/// (`feedwatch run --until-quiet` against a loopback site, loopback explicitly allowed).
/// </summary>
public sealed class FeedRedirectRunTests
{
    [Fact]
    public async Task A_relative_permanent_redirect_moves_the_feed_a_gone_feed_stops_and_status_shows_both()
    {
        await using var site = new SiteServer();
        site.Pages["/old-feed"] = SitePage.Redirect(301, "feeds/new.xml");
        site.Pages["/feeds/new.xml"] = SitePage.Rss($"""
            <?xml version="1.0"?><rss version="2.0"><channel><title>Moved feed</title><link>{site.BaseUrl}</link>
            <item><guid>m-1</guid><title>Council approves budget</title><link>{site.Url("/story")}</link></item></channel></rss>
            """);
        site.Pages["/gone-feed"] = new SitePage(410, "text/plain", "gone");
        using var folder = new TempFolder();
        var feeds = folder.File("feeds.json", $$"""
            { "feeds": [ { "id": "moved", "url": "{{site.Url("/old-feed")}}", "pollInterval": "1s" },
                         { "id": "gone", "url": "{{site.Url("/gone-feed")}}", "pollInterval": "1s" } ] }
            """);
        var cli = new CliRunner(new Dictionary<string, string?> { ["FeedWatch:Http:AllowPrivateAddresses"] = "true" });

        var first = await cli.RunAsync("run", "--feeds", feeds, "--until-quiet", "--quiet", "--data", folder.Path);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(site.Url("/feeds/new.xml").AbsoluteUri, PermanentRedirectUrl(folder.Path));

        await Task.Delay(TimeSpan.FromSeconds(1.5)); // let the 1 s interval pass
        var second = await cli.RunAsync("run", "--feeds", feeds, "--until-quiet", "--quiet", "--data", folder.Path);
        Assert.Equal(0, second.ExitCode);

        Assert.Equal(1, site.Requested.Count(p => p == "/old-feed"));
        Assert.Equal(2, site.Requested.Count(p => p == "/feeds/new.xml"));
        Assert.Equal(1, site.Requested.Count(p => p == "/gone-feed")); // 410: never polled again

        var status = await cli.RunAsync("feeds", "status", "--json", "--data", folder.Path);
        Assert.Equal(0, status.ExitCode);
        var byId = status.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(e => e.GetProperty("feedId").GetString()!);
        Assert.Equal(site.Url("/feeds/new.xml").AbsoluteUri, byId["moved"].GetProperty("movedTo").GetString());
        Assert.Equal("ok", byId["moved"].GetProperty("state").GetString());
        Assert.Equal("gone", byId["gone"].GetProperty("state").GetString());
        Assert.Equal(410, byId["gone"].GetProperty("lastStatus").GetInt32());

        var table = await cli.RunAsync("feeds", "status", "--data", folder.Path);
        Assert.Contains("gone (410): polling stopped", table.Output, StringComparison.Ordinal);
    }

    private static string? PermanentRedirectUrl(string dataFolder)
    {
        using var state = JsonDocument.Parse(File.ReadAllText(Path.Combine(dataFolder, "blobs", "feeds", "moved.json")));
        return state.RootElement.EnumerateObject()
            .FirstOrDefault(p => p.Name.Equals("permanentRedirectUrl", StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.String } url
            ? url.GetString()
            : null;
    }
}
