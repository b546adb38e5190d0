using System.Text.Json;
using FeedWatch.Cli.Tests.Support;

namespace FeedWatch.Cli.Tests;

/// <summary>The shipped demo, run as a user runs it: five loopback outlets, the real pipeline, alerts printed as they happen.</summary>
public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_prints_one_alert_per_outlet_the_story_reaches_and_leaves_its_stores_for_the_other_commands()
    {
        using var folder = new TempFolder();
        var cli = new CliRunner(new Dictionary<string, string?>());

        var demo = await cli.RunAsync("demo", "--data", folder.Path);
        var alerts = await cli.RunAsync("alerts", "--json", "--data", folder.Path);
        var stories = await cli.RunAsync("stories", "--json", "--tracked", "--data", folder.Path);

        Assert.True(demo.ExitCode == 0, demo.Output + demo.Error);
        var printed = demo.Lines.Where(l => l.StartsWith("ALERT", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, printed.Count);
        foreach (var outlet in new[] { "coastwire.example", "harbourdaily.example", "spinpost.example", "newsdigest.example" })
        {
            Assert.Single(printed, l => l.Contains("reached " + outlet, StringComparison.Ordinal));
        }

        Assert.Equal(4, alerts.Lines.Count());
        var story = JsonDocument.Parse(Assert.Single(stories.Lines)).RootElement;
        Assert.Equal("calloway-courier.example", story.GetProperty("originOutlet").GetString());
        Assert.Equal(5, story.GetProperty("outlets").GetArrayLength());
        // Cold start: the same town's lantern festival article (published the day before) stays out of the story.
        Assert.Equal(5, story.GetProperty("articleCount").GetInt32());
        Assert.Equal(new DateTimeOffset(2026, 11, 17, 21, 40, 0, TimeSpan.Zero), story.GetProperty("firstSeen").GetDateTimeOffset());
    }
}
