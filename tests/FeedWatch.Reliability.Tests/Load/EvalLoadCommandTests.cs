using FeedWatch.Cli.Load;

namespace FeedWatch.Reliability.Tests.Load;

/// <summary>`feedwatch eval load` refuses nonsense sizes and reports failure for every kind of loss.</summary>
public sealed class EvalLoadCommandTests
{
    private static readonly LoadRunReport Clean = new(
        Feeds: 10, Cycles: 2, ItemsServed: 26, ArticlesStored: 26, DuplicateArticles: 0, LostArticles: 0, UnexpectedArticles: 0,
        ExpectedAlerts: 5, Alerts: 5, DuplicateAlerts: 0, MissingAlerts: 0, StageMessagesLeft: 0, PoisonMessages: 0,
        MessagesHandled: 70, Elapsed: TimeSpan.FromSeconds(2), CpuTime: TimeSpan.FromSeconds(1), PeakWorkingSetBytes: 1 << 20, LoadAverage: "1 1 1");

    [Theory]
    [InlineData("--feeds", "0")]
    [InlineData("--cycles", "0")]
    [InlineData("--items", "-1")]
    public async Task Sizes_below_one_are_refused(string option, string value)
    {
        var result = await new CliRunner(new Dictionary<string, string?>()).RunAsync("eval", "load", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("must be at least 1", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clean_run_reports_nothing_lost() => Assert.True(Clean.NothingLost);

    [Fact]
    public void Every_kind_of_loss_fails_the_run()
    {
        LoadRunReport[] broken =
        [
            Clean with { LostArticles = 1 },
            Clean with { DuplicateArticles = 1 },
            Clean with { UnexpectedArticles = 1 },
            Clean with { Alerts = 4 },
            Clean with { Alerts = 6, DuplicateAlerts = 1 },
            Clean with { MissingAlerts = 1 },
            Clean with { StageMessagesLeft = 1 },
            Clean with { PoisonMessages = 1 },
        ];

        Assert.All(broken, report => Assert.False(report.NothingLost, report.ToString()));
    }
}
