using FeedWatch.Reliability.Tests.Support;
using FeedWatch.Replay.Schedule;
using FeedWatch.Replay.Server;
using Xunit.Abstractions;

namespace FeedWatch.Reliability.Tests.FaultInjection;

/// <summary>
/// SIGKILLs `feedwatch run` (embedded default) at seeded random points while it works through a replayed corpus,
/// restarts it each time, then lets it finish. The result must equal an uninterrupted run: every article stored
/// exactly once, every (story, outlet) alerted exactly once, nothing left anywhere but a queue or a poison queue.
/// </summary>
public sealed class HostKillTests(ITestOutputHelper output) : IDisposable
{
    private const int Seed = 4711;
    private readonly string _root = Directory.CreateTempSubdirectory("feedwatch-kill-").FullName;

    private static int Kills => int.TryParse(Environment.GetEnvironmentVariable("FEEDWATCH_FAULT_KILLS"), out var kills) ? kills : 20;

    [Fact]
    public async Task Killing_the_host_at_random_points_loses_and_duplicates_nothing()
    {
        var corpus = SeedStoryCorpus.WithNoise();
        await using var replay = await ReplayServer.StartAsync(ReplayPlan.Create(corpus, ReplaySpeed.AllAtOnce));
        var feedsFile = ReplayFeedsFile.Write(replay, _root, TimeSpan.FromSeconds(2), "seed-b.example");
        var environment = new Dictionary<string, string>
        {
            // A killed worker's received messages come back after this, not after the 2-minute default.
            ["FeedWatch__Workers__VisibilityTimeout"] = "00:00:03",
            ["FeedWatch__Workers__ScheduleInterval"] = "00:00:02",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["FeedWatch__Http__AllowPrivateAddresses"] = "true", // the feeds file host-maps the outlets to 127.0.0.1
        };
        var limit = TimeSpan.FromMinutes(5);

        var baselineData = Path.Combine(_root, "baseline");
        Assert.Equal(0, await FeedWatchProcess.RunToEndAsync(environment, limit, "run", "--feeds", feedsFile, "--data", baselineData, "--until-quiet", "--quiet"));
        var baseline = DataFolderCensus.Take(baselineData);
        output.WriteLine("uninterrupted: " + baseline);
        Assert.True(baseline.ArticleUrls.Count > 0 && baseline.AlertPairs.Count > 0, "the uninterrupted run must store articles and raise alerts: " + baseline);

        var killedData = Path.Combine(_root, "killed");
        var random = new Random(Seed);
        for (var kill = 0; kill < Kills; kill++)
        {
            using var process = FeedWatchProcess.Start(environment, "run", "--feeds", feedsFile, "--data", killedData, "--quiet");
            // Early kills land in start-up and polling, later ones mid-fetch and mid-classify.
            await Task.Delay(TimeSpan.FromMilliseconds(300 + random.Next(3500)));
            await FeedWatchProcess.KillAsync(process);
        }

        Assert.Equal(0, await FeedWatchProcess.RunToEndAsync(environment, limit, "run", "--feeds", feedsFile, "--data", killedData, "--until-quiet", "--quiet"));
        var afterKills = DataFolderCensus.Take(killedData);
        output.WriteLine($"after {Kills} SIGKILLs: " + afterKills);

        Assert.Equal(0, afterKills.DuplicateArticles);
        Assert.Equal(0, afterKills.DuplicateAlerts);
        Assert.Equal(0, afterKills.DuplicateQueuedAlerts);
        Assert.Equal(baseline.ArticleUrls.Order(StringComparer.Ordinal), afterKills.ArticleUrls.Order(StringComparer.Ordinal));
        // The pipeline's guarantee: every outlet the tracked story recorded is alerted exactly once, and nothing else is.
        Assert.Equal(afterKills.RecordedSpreadPairs.Order(), afterKills.AlertPairs.Order());
        // The same alerts as the uninterrupted run: the story engine decides the same from persisted profiles as from
        // warm memory, so restarts change no match — all four outlets the seed story spread to are alerted.
        Assert.Equal(baseline.AlertPairs.Select(p => p.Outlet).Order(StringComparer.Ordinal), afterKills.AlertPairs.Select(p => p.Outlet).Order(StringComparer.Ordinal));
        Assert.Subset(afterKills.AlertPairs.Select(p => p.Outlet).ToHashSet(StringComparer.Ordinal), new HashSet<string>(["seed-a.example", "seed-c.example", "seed-d.example", "seed-e.example"], StringComparer.Ordinal));
        Assert.Equal(0, afterKills.StageMessages);
        Assert.Equal(baseline.PoisonMessages, afterKills.PoisonMessages);
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("FEEDWATCH_KEEP_KILL_DATA") is not null)
        {
            return; // kept for a look at the data folders and queues after a failure
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A straggling child may still hold a file for a moment; the temp folder is cleaned by the OS later.
        }
    }
}
