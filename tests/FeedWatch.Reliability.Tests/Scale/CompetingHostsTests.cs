using FeedWatch.Azure.Tests.Azurite;
using FeedWatch.Cli.Load;
using FeedWatch.Tests.Shared;
using Xunit.Abstractions;

namespace FeedWatch.Reliability.Tests.Scale;

/// <summary>
/// `feedwatch eval load --hosts 3` on a subset of BASIL: three competing `feedwatch run` processes on one store give
/// the same stories as one process (floors on the B-cubed agreement and on B-cubed against gold), and store every
/// article exactly once — on the embedded data folder and on Azurite. The full-corpus figures are in docs/pipeline.md.
/// </summary>
public sealed class CompetingHostsTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    // Floors measured on the 2-core dev VM (see docs/pipeline.md); small subsets leave room for arrival-order effects.
    private const double AgreementFloor = 0.80;
    private const double GoldFloor = 0.80;
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);

    private static string Basil => SharedData.PathOf("stories", "basil.jsonl");

    [Fact]
    public async Task Three_hosts_on_one_data_folder_find_the_stories_one_host_finds()
    {
        var report = await HostsEvalProcess.RunAsync(Limit, "--hosts", "3", "--corpus", Basil, "--articles", "45");
        AssertConsistent(report, 45);
    }

    [Fact]
    public async Task Three_hosts_on_one_Azurite_account_find_the_stories_one_host_finds()
    {
        var report = await HostsEvalProcess.RunAsync(Limit, "--hosts", "3", "--corpus", Basil, "--articles", "30", "--storage", azurite.ConnectionString);
        Assert.Equal("Azure Storage", report.Backend);
        AssertConsistent(report, 30);
    }

    private void AssertConsistent(HostsLoadReport report, int articles)
    {
        output.WriteLine(report.ToString());
        Assert.True(report.AllHostsSucceeded, report.ToString());
        Assert.Equal(articles, report.CorpusArticles);
        foreach (var run in new[] { report.OneHost, report.ManyHosts })
        {
            Assert.Equal(articles, run.ArticlesStored);
            Assert.Equal(0, run.DuplicateArticles);
            Assert.Equal(0, run.MissingArticles);
            Assert.True(run.BCubedF1VsGold >= GoldFloor, $"{run.Hosts} host(s): B-cubed F1 vs gold {run.BCubedF1VsGold:F3} < {GoldFloor}");
            Assert.True(run.HostCpuSeconds > 0, "the host processes' CPU time was not measured");
        }

        Assert.Equal(3, report.ManyHosts.ExitCodes.Count);
        Assert.True(report.AgreementF1 >= AgreementFloor, $"3 hosts vs 1: B-cubed agreement {report.AgreementF1:F3} < {AgreementFloor}");
    }
}
