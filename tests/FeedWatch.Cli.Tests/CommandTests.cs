using System.Text.Json;
using FeedWatch.Cli.Tests.Support;

namespace FeedWatch.Cli.Tests;

public sealed class CommandTests
{
    private static readonly CliRunner Cli = new(new Dictionary<string, string?>());

    private const string SeedText = """
        The county archive has reopened its reading room after a two-year restoration of the flood-damaged basement stacks.
        Conservators dried and rebound more than four thousand parish registers, and the oldest maps are now kept in a new climate-controlled vault.
        Researchers can book visits online from Monday; the archive will open late on Thursdays until the end of the year.
        """;

    [Fact]
    public async Task Track_add_requires_exactly_one_seed()
    {
        using var folder = new TempFolder();
        var none = await Cli.RunAsync("track", "add", "--data", folder.Path);
        var both = await Cli.RunAsync("track", "add", "--url", "https://a.example/x", "--text-file", "x.txt", "--data", folder.Path);

        Assert.NotEqual(0, none.ExitCode);
        Assert.Contains("exactly one of --url or --text-file", none.Output + none.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, both.ExitCode);
    }

    [Fact]
    public async Task Track_add_from_text_creates_one_tracked_story_listed_by_stories()
    {
        using var folder = new TempFolder();
        var seed = folder.File("archive.txt", SeedText);

        var first = await Cli.RunAsync("track", "add", "--text-file", seed, "--title", "Archive reopens", "--data", folder.Path);
        var again = await Cli.RunAsync("track", "add", "--text-file", seed, "--title", "Archive reopens", "--data", folder.Path);
        var stories = await Cli.RunAsync("stories", "--json", "--data", folder.Path);
        var table = await Cli.RunAsync("stories", "--data", folder.Path);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Tracking story tracked-", first.Output, StringComparison.Ordinal);
        Assert.Contains("Already tracking story", again.Output, StringComparison.Ordinal);
        var story = JsonDocument.Parse(Assert.Single(stories.Lines)).RootElement;
        Assert.Equal("Archive reopens", story.GetProperty("title").GetString());
        Assert.True(story.GetProperty("tracked").GetBoolean());
        Assert.Equal(1, story.GetProperty("articleCount").GetInt32());
        Assert.Contains("Data folder: " + folder.Path, stories.Error, StringComparison.Ordinal);
        Assert.Contains("Archive reopens", table.Output, StringComparison.Ordinal);
        Assert.Contains("Data folder: " + folder.Path, table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alerts_on_an_empty_store_prints_no_json_lines()
    {
        using var folder = new TempFolder();
        var alerts = await Cli.RunAsync("alerts", "--json", "--data", folder.Path);

        Assert.Equal(0, alerts.ExitCode);
        Assert.Empty(alerts.Lines);
    }

    [Fact]
    public async Task Run_refuses_an_invalid_feeds_file_with_a_clear_error()
    {
        using var folder = new TempFolder();
        var feeds = folder.File("feeds.yaml", "feeds:\n  - url: not-a-url\n    pollInterval: soon\n");

        var run = await Cli.RunAsync("run", "--feeds", feeds, "--until-quiet", "--data", folder.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("feeds[0]: url 'not-a-url' is not an absolute http(s) URL", run.Error, StringComparison.Ordinal);
        Assert.Contains("pollInterval 'soon' is not a duration", run.Error, StringComparison.Ordinal);
    }
}
