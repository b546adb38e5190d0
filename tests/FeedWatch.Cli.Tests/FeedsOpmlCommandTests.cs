using System.Xml.Linq;
using FeedWatch.Cli.Tests.Support;
using FeedWatch.Hosting.Configuration;

namespace FeedWatch.Cli.Tests;

/// <summary>`feedwatch feeds import` / `feeds export` on real files: JSON and YAML feeds files, merging, errors, round trip.</summary>
public sealed class FeedsOpmlCommandTests : IDisposable
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "subscriptions.opml");
    private readonly TempFolder temp = new();
    private readonly CliRunner cli = new(new Dictionary<string, string?>());

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Import_creates_a_json_feeds_file_with_folders_as_categories_and_reports_counts()
    {
        var feedsPath = Path.Combine(temp.Path, "feeds.json");

        var result = await cli.RunAsync("feeds", "import", Fixture, "--feeds", feedsPath);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("4 added, 0 already present (0 enriched), 1 invalid, 1 non-feed outlines ignored", result.Output, StringComparison.Ordinal);
        Assert.Contains("warning: subscriptions.opml: line 18: xmlUrl 'not a url' is not an absolute http(s) URL", result.Error, StringComparison.Ordinal);
        var feeds = FeedsFileLoader.Load(feedsPath).Feeds;
        Assert.Equal(
            [
                "https://harbour.example/rss | Harbour Times | https://harbour.example/ | Regional | ",
                "https://coast.example/feed.xml | Coastline Daily | https://coast.example/ | Regional/Coast | weather,shipping",
                "http://wire.example/all.atom | Example Wire |  | Wires | ",
                "https://valley.example/atom.xml | Valley Voice |  | Regional/Inland | ",
            ],
            feeds.Select(f => $"{f.Url} | {f.Name} | {f.SiteUrl} | {f.Category} | {string.Join(",", f.Tags ?? [])}"));
    }

    [Fact]
    public async Task Import_into_a_yaml_file_keeps_its_format_its_other_sections_and_merges_duplicates()
    {
        var feedsPath = temp.File("feeds.yaml", """
            feeds:
              - url: https://harbour.example/rss
                name: Harbour (our name)
                pollInterval: 5m
            tracked:
              - url: https://harbour.example/story
                title: The ferry story
            hostMap:
              harbour.example: 127.0.0.1
            """);

        var first = await cli.RunAsync("feeds", "import", Fixture, "--feeds", feedsPath);
        var again = await cli.RunAsync("feeds", "import", Fixture, "--feeds", feedsPath);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("3 added, 1 already present (1 enriched)", first.Output, StringComparison.Ordinal);
        Assert.Contains("0 added, 4 already present (0 enriched)", again.Output, StringComparison.Ordinal);
        var text = File.ReadAllText(feedsPath);
        Assert.DoesNotContain("{", text, StringComparison.Ordinal); // still YAML
        var file = FeedsFileLoader.Load(feedsPath);
        Assert.Equal(4, file.Feeds.Count);
        Assert.Equal("Harbour (our name)", file.Feeds[0].Name);
        Assert.Equal("5m", file.Feeds[0].PollInterval);
        Assert.Equal("Regional", file.Feeds[0].Category);
        Assert.Equal("The ferry story", Assert.Single(file.Tracked).Title);
        Assert.Equal("127.0.0.1", file.HostMap["harbour.example"]);
        Assert.True(File.Exists(feedsPath + ".bak"));
    }

    [Fact]
    public async Task Dry_run_reports_without_writing()
    {
        var feedsPath = temp.File("feeds.json", """{ "feeds": [ { "url": "https://harbour.example/rss" } ] }""");
        var before = File.ReadAllText(feedsPath);

        var result = await cli.RunAsync("feeds", "import", Fixture, "--feeds", feedsPath, "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Would import", result.Output, StringComparison.Ordinal);
        Assert.Contains("3 added, 1 already present (1 enriched)", result.Output, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(feedsPath));
    }

    [Theory]
    [InlineData("<rss version=\"2.0\"><channel/></rss>", 1, "not an OPML document")]
    [InlineData("<opml version=\"2.0\"><body><outline", 1, "not well-formed XML")]
    [InlineData("<!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><opml><head><title>&x;</title></head><body/></opml>", 1, "DOCTYPE/DTD is not allowed")]
    public async Task Bad_opml_is_a_clear_error_and_the_feeds_file_is_untouched(string opml, int exitCode, string message)
    {
        var feedsPath = temp.File("feeds.json", """{ "feeds": [ { "url": "https://harbour.example/rss" } ] }""");
        var before = File.ReadAllText(feedsPath);

        var result = await cli.RunAsync("feeds", "import", temp.File("bad.opml", opml), "--feeds", feedsPath);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.StartsWith("error: bad.opml: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(feedsPath));
        Assert.False(File.Exists(feedsPath + ".bak"));
    }

    [Fact]
    public async Task An_oversized_opml_file_is_refused_before_it_is_read()
    {
        var big = Path.Combine(temp.Path, "big.opml");
        using (var stream = File.Create(big))
        {
            stream.SetLength((8 * 1024 * 1024) + 1);
        }

        var result = await cli.RunAsync("feeds", "import", big, "--feeds", Path.Combine(temp.Path, "feeds.json"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the limit is 8,388,608", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(temp.Path, "feeds.json")));
    }

    [Fact]
    public async Task A_feeds_file_that_does_not_load_is_not_overwritten()
    {
        var feedsPath = temp.File("feeds.json", """{ "feeds": [ { "url": "not a url" } ] }""");

        var result = await cli.RunAsync("feeds", "import", Fixture, "--feeds", feedsPath);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not an absolute http(s) URL", result.Error, StringComparison.Ordinal);
        Assert.Contains("nothing imported", result.Error, StringComparison.Ordinal);
        Assert.Equal("""{ "feeds": [ { "url": "not a url" } ] }""", File.ReadAllText(feedsPath));
    }

    [Fact]
    public async Task Export_writes_opml_2_and_importing_it_elsewhere_gives_the_same_feeds()
    {
        var source = temp.File("feeds.yaml", """
            feeds:
              - url: https://harbour.example/rss
                name: Harbour Times
                siteUrl: https://harbour.example/
                category: Regional/Coast
                tags: [shipping, weather]
                pollInterval: 10m
                adaptive: true
              - url: https://wire.example/all.atom
                id: wire
              - url: https://valley.example/atom.xml?lang=en&format=atom
                name: Valley & "Voice"
                adaptive: false
            """);
        var opmlPath = Path.Combine(temp.Path, "out.opml");
        var copyPath = Path.Combine(temp.Path, "copy.json");

        var export = await cli.RunAsync("feeds", "export", "--feeds", source, "--out", opmlPath);
        var import = await cli.RunAsync("feeds", "import", opmlPath, "--feeds", copyPath);

        Assert.Equal(0, export.ExitCode);
        Assert.Contains("Exported 3 feeds", export.Output, StringComparison.Ordinal);
        var opml = XDocument.Load(opmlPath);
        Assert.Equal("2.0", opml.Root!.Attribute("version")!.Value);
        Assert.Equal("Regional", opml.Root.Element("body")!.Element("outline")!.Attribute("text")!.Value);
        Assert.Equal(0, import.ExitCode);
        Assert.Contains("3 added, 0 already present (0 enriched), 0 invalid", import.Output, StringComparison.Ordinal);
        Assert.Equal(Describe(FeedsFileLoader.Load(source)), Describe(FeedsFileLoader.Load(copyPath)));
    }

    [Fact]
    public async Task Export_to_stdout_prints_the_opml_document()
    {
        var source = temp.File("feeds.json", """{ "feeds": [ { "url": "https://harbour.example/rss", "name": "Harbour" } ] }""");

        var result = await cli.RunAsync("feeds", "export", "--feeds", source);

        Assert.Equal(0, result.ExitCode);
        var opml = XDocument.Parse(result.Output);
        var outline = Assert.Single(opml.Descendants("outline"));
        Assert.Equal("https://harbour.example/rss", outline.Attribute("xmlUrl")!.Value);
        Assert.Equal("Harbour", outline.Attribute("text")!.Value);
    }

    [Fact]
    public async Task Without_feeds_the_configured_feeds_file_is_used()
    {
        var source = temp.File("configured.json", """{ "feeds": [ { "url": "https://configured.example/rss" } ] }""");
        var configured = new CliRunner(new Dictionary<string, string?> { ["FeedWatch:FeedsFile"] = source });

        var result = await configured.RunAsync("feeds", "export");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("https://configured.example/rss", XDocument.Parse(result.Output).Descendants("outline").Single().Attribute("xmlUrl")!.Value);
    }

    [Fact]
    public async Task Export_of_a_missing_feeds_file_is_an_error()
    {
        var result = await cli.RunAsync("feeds", "export", "--feeds", Path.Combine(temp.Path, "nope.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
    }

    private static List<string> Describe(Core.Configuration.FeedsFile file) =>
        file.Feeds.Select(f => string.Join(" | ", f.Url, f.Id, f.Name, f.SiteUrl, f.Category, string.Join(",", f.Tags ?? []), f.PollInterval, f.Adaptive)).Order(StringComparer.Ordinal).ToList();
}
