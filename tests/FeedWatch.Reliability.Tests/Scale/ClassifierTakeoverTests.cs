using System.Text.Json;
using FeedWatch.Reliability.Tests.FaultInjection;
using FeedWatch.Reliability.Tests.Support;
using FeedWatch.Replay.Schedule;
using FeedWatch.Replay.Server;
using Xunit.Abstractions;

namespace FeedWatch.Reliability.Tests.Scale;

/// <summary>
/// The active classifier dies: `feedwatch run` holding the classifier lease is SIGKILLed once it has classified, and
/// a second host on the same data folder takes the lease over after it expires (epoch 2), reloads the stories and
/// finishes the work. The result equals an uninterrupted run: every article stored once and classified, every
/// (story, outlet) the tracked story recorded alerted exactly once, nothing left on a stage queue.
/// </summary>
public sealed class ClassifierTakeoverTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("feedwatch-takeover-").FullName;

    [Fact]
    public async Task A_standby_host_takes_over_from_a_killed_classifier_and_nothing_is_lost_or_doubled()
    {
        var corpus = SeedStoryCorpus.WithNoise();
        await using var replay = await ReplayServer.StartAsync(ReplayPlan.Create(corpus, ReplaySpeed.AllAtOnce));
        var feedsFile = ReplayFeedsFile.Write(replay, _root, TimeSpan.FromSeconds(2), "seed-b.example");
        var environment = new Dictionary<string, string>
        {
            ["FeedWatch__Workers__VisibilityTimeout"] = "00:00:03",
            ["FeedWatch__Workers__ScheduleInterval"] = "00:00:02",
            ["FeedWatch__Pipeline__ClassifierLeaseDuration"] = "00:00:03",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["FeedWatch__Http__AllowPrivateAddresses"] = "true",
        };
        var limit = TimeSpan.FromMinutes(3);

        var baselineData = Path.Combine(_root, "baseline");
        Assert.Equal(0, await FeedWatchProcess.RunToEndAsync(environment, limit, "run", "--feeds", feedsFile, "--data", baselineData, "--until-quiet", "--quiet"));
        var baseline = DataFolderCensus.Take(baselineData);
        output.WriteLine("uninterrupted: " + baseline);

        var data = Path.Combine(_root, "shared");
        using (var first = FeedWatchProcess.Start(environment, "run", "--feeds", feedsFile, "--data", data, "--quiet"))
        {
            // Kill the active classifier as soon as it has classified an article (it holds the lease by then).
            using var wait = new CancellationTokenSource(limit);
            while (!ClassifiedArticles(data).Any())
            {
                Assert.False(first.HasExited, "the first host exited before classifying anything");
                await Task.Delay(50, wait.Token);
            }

            var lease = ReadLease(data);
            Assert.Equal(first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), lease.Holder.Split('/')[1]);
            await FeedWatchProcess.KillAsync(first);
        }

        // The standby starts while the dead host's lease is still valid; it must wait for expiry, then take over.
        Assert.Equal(0, await FeedWatchProcess.RunToEndAsync(environment, limit, "run", "--feeds", feedsFile, "--data", data, "--until-quiet", "--quiet"));
        var after = DataFolderCensus.Take(data);
        output.WriteLine("after killing the classifier: " + after);

        var taken = ReadLease(data);
        Assert.True(taken.Epoch >= 2, $"the lease was never taken over (epoch {taken.Epoch})");
        Assert.Equal(0, after.DuplicateArticles);
        Assert.Equal(baseline.ArticleUrls.Order(StringComparer.Ordinal), after.ArticleUrls.Order(StringComparer.Ordinal));
        Assert.Equal(after.ArticleUrls.Count, ClassifiedArticles(data).Count());
        Assert.Equal(0, after.DuplicateAlerts);
        Assert.Equal(0, after.DuplicateQueuedAlerts);
        Assert.Equal(after.RecordedSpreadPairs.Order(), after.AlertPairs.Order());
        Assert.Equal(baseline.AlertPairs.Select(p => p.Outlet).Order(StringComparer.Ordinal), after.AlertPairs.Select(p => p.Outlet).Order(StringComparer.Ordinal));
        Assert.Equal(0, after.StageMessages);
        Assert.Equal(baseline.PoisonMessages, after.PoisonMessages);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A straggling child may still hold a file for a moment; the temp folder is cleaned by the OS later.
        }
    }

    private static IEnumerable<string> ClassifiedArticles(string data)
    {
        var articles = Path.Combine(data, "blobs", "articles");
        if (!Directory.Exists(articles))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(articles, "*.json", SearchOption.AllDirectories))
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (IOException)
            {
                continue; // being replaced right now
            }

            bool classified;
            try
            {
                using var document = JsonDocument.Parse(text);
                classified = document.RootElement.TryGetProperty("classifiedAt", out var at) && at.ValueKind == JsonValueKind.String;
            }
            catch (JsonException)
            {
                continue; // caught half-written
            }

            if (classified)
            {
                yield return file;
            }
        }
    }

    private static (string Holder, long Epoch) ReadLease(string data)
    {
        using var lease = JsonDocument.Parse(File.ReadAllText(Path.Combine(data, "blobs", "leases", "classify.json")));
        return (lease.RootElement.GetProperty("holder").GetString()!, lease.RootElement.GetProperty("epoch").GetInt64());
    }
}
