using System.Globalization;
using Azure.Storage.Blobs;
using FeedWatch.Azure.Storage.Adapters;
using FeedWatch.Azure.Tests.Azurite;
using FeedWatch.Replay.Configuration;
using FeedWatch.Replay.Corpus;
using FeedWatch.Replay.Schedule;
using FeedWatch.Replay.Server;
using FeedWatch.Tests.Shared;

namespace FeedWatch.Azure.Tests.Concurrency;

/// <summary>
/// A replayed corpus on loopback and the `feedwatch` commands that work through it on one Azurite account:
/// `track add` of the seed story, then any number of `feedwatch run --until-quiet --storage …` processes.
/// The corpus is the five seed outlets' versions of one story plus BASIL articles as noise on other outlets
/// (read in place from ../shared/data), released all at once.
/// </summary>
internal sealed class ReplayedPipeline : IAsyncDisposable
{
    /// <summary>BASIL articles served beside the seeds; `FEEDWATCH_PROOF_NOISE` raises it (the CI size keeps the proofs within minutes).</summary>
    public static int NoiseArticles =>
        int.TryParse(Environment.GetEnvironmentVariable("FEEDWATCH_PROOF_NOISE"), NumberStyles.None, CultureInfo.InvariantCulture, out var noise) ? noise : 24;

    /// <summary>The tracked story's seed: the seed story as seed-b.example published it.</summary>
    public const string SeedOutlet = "seed-b.example";

    private readonly ReplayServer _replay;
    private readonly AzuriteFixture _azurite;
    private readonly string _feedsFile;
    private readonly Dictionary<string, string> _environment;

    private ReplayedPipeline(ReplayServer replay, AzuriteFixture azurite, string feedsFile, Dictionary<string, string> environment)
    {
        _replay = replay;
        _azurite = azurite;
        _feedsFile = feedsFile;
        _environment = environment;
    }

    /// <summary>The URL of every article the replay serves: each must end up stored exactly once.</summary>
    public IReadOnlySet<string> CorpusUrls => _replay.Plan.Articles.Select(a => _replay.ArticleUrl(a).AbsoluteUri).ToHashSet(StringComparer.Ordinal);

    public int OutletCount => _replay.Plan.Outlets.Count;

    /// <param name="visibilityTimeout">How long a received message stays hidden: a message held by a process that died comes back after this.</param>
    public static async Task<ReplayedPipeline> StartAsync(AzuriteFixture azurite, string workDirectory, TimeSpan visibilityTimeout)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var corpus = CorpusReader.ReadFile(SharedData.PathOf("stories", "seeds.jsonl"))
            .Concat(CorpusReader.ReadFile(SharedData.PathOf("stories", "basil.jsonl")).Take(NoiseArticles))
            .ToList();
        var replay = await ReplayServer.StartAsync(ReplayPlan.Create(corpus, ReplaySpeed.AllAtOnce));
        var feedsFile = Path.Combine(workDirectory, "replay-feeds.json");
        await using (var stream = File.Create(feedsFile))
        {
            new FeedsFileJsonFormat().Write(replay.CreateFeedsFile(TimeSpan.FromSeconds(2)), stream);
        }

        var environment = new Dictionary<string, string>
        {
            ["FeedWatch__Workers__VisibilityTimeout"] = visibilityTimeout.ToString("c", CultureInfo.InvariantCulture),
            ["FeedWatch__Workers__ScheduleInterval"] = "00:00:02",
            ["FeedWatch__Workers__RetryDelay"] = "00:00:01",
        };
        // `track add` takes no feeds file, so it gets the replay's host map (outlet names → 127.0.0.1) from the environment.
        environment["FeedWatch__Http__AllowPrivateAddresses"] = "true"; // the outlets are host-mapped to 127.0.0.1
        foreach (var (host, address) in replay.HostMap)
        {
            environment[$"FeedWatch__Http__HostMap__{host}"] = address;
        }

        return new ReplayedPipeline(replay, azurite, feedsFile, environment);
    }

    /// <summary>`feedwatch track add --url {seed-b's page} --storage …`: the story whose spread raises alerts.</summary>
    public async Task TrackSeedAsync(TimeSpan limit)
    {
        var seed = _replay.Plan.Articles.Single(a => a.HostName == SeedOutlet);
        using var track = CliProcess.Start("track add", _environment, "track", "add", "--url", _replay.ArticleUrl(seed).AbsoluteUri, "--storage", _azurite.ConnectionString);
        var exit = await track.WaitAsync(limit);
        Assert.True(exit == 0, $"track add exited with {exit}:\n{track.Output}");
    }

    /// <summary>Starts `feedwatch run --until-quiet --quiet --feeds {replay feeds} --storage {Azurite}` as a child process.</summary>
    public CliProcess StartRun(string name) =>
        CliProcess.Start(name, _environment, "run", "--until-quiet", "--quiet", "--feeds", _feedsFile, "--storage", _azurite.ConnectionString);

    /// <summary>Reads what the runs left in Azurite, through the same adapters the pipeline uses.</summary>
    public Task<StorageCensus> CensusAsync() =>
        StorageCensus.TakeAsync(
            new AzureBlobStore(_azurite.Connection.GetBlobContainerClient(AzureStorageServiceCollectionExtensions.DefaultContainerName)),
            new AzureQueueProvider(_azurite.Connection));

    /// <summary>The summary `feedwatch run --until-quiet` prints last ("Done: N articles stored, …").</summary>
    public static string DoneLine(string processOutput) =>
        processOutput.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("Done:", StringComparison.Ordinal)) ?? "(no Done: line)";

    public ValueTask DisposeAsync() => _replay.DisposeAsync();
}
