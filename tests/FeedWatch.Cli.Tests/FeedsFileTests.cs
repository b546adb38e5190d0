using FeedWatch.Hosting.Configuration;

namespace FeedWatch.Cli.Tests;

public sealed class FeedsFileTests
{
    [Fact]
    public void Yaml_and_json_feeds_files_read_the_same()
    {
        var yaml = FeedsFileLoader.ParseYaml("""
            feeds:
              - url: https://news.example/rss
                name: Example News
                pollInterval: 5m
              - url: https://other.example/atom.xml
            tracked:
              - url: https://news.example/story
                title: The story
            """);
        var json = FeedsFileLoader.ParseJson("""
            { "feeds": [ { "url": "https://news.example/rss", "name": "Example News", "pollInterval": "5m" },
                         { "url": "https://other.example/atom.xml" } ],
              // comments and trailing commas are fine
              "tracked": [ { "url": "https://news.example/story", "title": "The story" }, ] }
            """);

        foreach (var file in new[] { yaml, json })
        {
            Assert.Equal(2, file.Feeds.Count);
            Assert.Equal("Example News", file.Feeds[0].Name);
            Assert.Equal("5m", file.Feeds[0].PollInterval);
            Assert.Null(file.Feeds[1].PollInterval);
            Assert.Equal("The story", Assert.Single(file.Tracked).Title);
        }
    }

    [Fact]
    public void Unknown_yaml_keys_and_bad_tracked_entries_are_reported()
    {
        var typo = Assert.Throws<FeedsFileException>(() => FeedsFileLoader.ParseYaml("feeds:\n  - url: https://a.example/rss\n    pollInterva: 5m\n"));
        Assert.Contains("line 3", typo.Message, StringComparison.Ordinal);

        var tracked = Assert.Throws<FeedsFileException>(() => FeedsFileLoader.ParseYaml("tracked:\n  - title: nothing to seed from\n"));
        Assert.Contains("tracked[0]: give exactly one of url or textFile", tracked.Message, StringComparison.Ordinal);
    }
}
