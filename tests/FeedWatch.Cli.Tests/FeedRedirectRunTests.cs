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
    public async Task A_relative_permanent_redirect_updates_the_polled_url_for_the_next_run()
    {
        await using var site = new SiteServer();
        site.Pages["/old-feed"] = SitePage.Redirect(301, "feeds/new.xml");
        site.Pages["/feeds/new.xml"] = SitePage.Rss($"""
            <?xml version="1.0"?><rss version="2.0"><channel><title>Moved feed</title><link>{site.BaseUrl}</link>
            <item><guid>m-1</guid><title>Council approves budget</title><link>{site.Url("/story")}</link></item></channel></rss>
            """);
        using var folder = new TempFolder();
        var feeds = folder.File("feeds.json", $$"""{ "feeds": [ { "id": "moved", "url": "{{site.Url("/old-feed")}}", "pollInterval": "1s" } ] }""");
        var cli = new CliRunner(new Dictionary<string, string?> { ["FeedWatch:Http:AllowPrivateAddresses"] = "true" });

        var first = await cli.RunAsync("run", "--feeds", feeds, "--until-quiet", "--quiet", "--data", folder.Path);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(site.Url("/feeds/new.xml").AbsoluteUri, PermanentRedirectUrl(folder.Path));

        await Task.Delay(TimeSpan.FromSeconds(1.5)); // let the 1 s interval pass
        var second = await cli.RunAsync("run", "--feeds", feeds, "--until-quiet", "--quiet", "--data", folder.Path);
        Assert.Equal(0, second.ExitCode);

        Assert.Equal(1, site.Requested.Count(p => p == "/old-feed"));
        Assert.Equal(2, site.Requested.Count(p => p == "/feeds/new.xml"));
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
