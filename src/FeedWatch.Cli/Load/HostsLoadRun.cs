using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using FeedWatch.Cli.Hosting;
using FeedWatch.Core.Pipeline.Blobs;
using FeedWatch.Core.Pipeline.Documents;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Replay.Configuration;
using FeedWatch.Replay.Corpus;
using FeedWatch.Replay.Schedule;
using FeedWatch.Replay.Server;
using Microsoft.Extensions.DependencyInjection;
using ClusteringMetrics = FeedWatch.Evaluation.Stories.ClusteringMetrics;

namespace FeedWatch.Cli.Load;

/// <summary>
/// `feedwatch eval load --hosts N --corpus FILE`: replays a labeled story corpus on loopback (every article released
/// at once), then runs one `feedwatch run --until-quiet` process on a fresh store, and N of them competing on another
/// fresh store (a data folder, or a container of the --storage account). Each store is then read back: articles stored
/// (exactly once?), each article's story (after merges), B-cubed against the gold labels, and the N-host assignment's
/// B-cubed agreement with the one-host assignment.
/// </summary>
public sealed class HostsLoadRun(CliContext context)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMinutes(1);

    public async Task<HostsLoadReport> RunAsync(HostsLoadOptions options, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var articles = CorpusReader.ReadFile(options.Corpus);
        if (options.Articles > 0)
        {
            articles = [.. articles.Take(options.Articles)];
        }

        var work = Directory.CreateTempSubdirectory("feedwatch-hosts-").FullName;
        try
        {
            var plan = ReplayPlan.Create(articles, ReplaySpeed.AllAtOnce);
            await using var server = await ReplayServer.StartAsync(plan, new ReplayServerOptions(), cancellationToken).ConfigureAwait(false);
            var feedsFile = Path.Combine(work, "feeds.json");
            await using (var stream = File.Create(feedsFile))
            {
                new FeedsFileJsonFormat().Write(server.CreateFeedsFile(PollInterval), stream);
            }

            var urls = plan.Articles.ToDictionary(a => server.ArticleUrl(a).AbsoluteUri, a => a.Article, StringComparer.Ordinal);
            var gold = articles.ToDictionary(a => a.Id, a => a.Story ?? a.Id, StringComparer.Ordinal);
            var stamp = DateTimeOffset.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

            progress("1 host");
            var (one, oneStories) = await RunHostsAsync(1, options, feedsFile, Path.Combine(work, "one"), $"hosts1-{stamp}", urls, gold, progress, cancellationToken).ConfigureAwait(false);
            progress($"{options.Hosts} hosts");
            var (many, manyStories) = await RunHostsAsync(options.Hosts, options, feedsFile, Path.Combine(work, "many"), $"hosts{options.Hosts}-{stamp}", urls, gold, progress, cancellationToken).ConfigureAwait(false);
            var agreement = ClusteringMetrics.BCubed(oneStories, manyStories);
            return new HostsLoadReport(
                Path.GetFileName(options.Corpus), articles.Count, options.Storage is null ? "embedded store" : "Azure Storage",
                one, many, agreement.Precision, agreement.Recall, agreement.F1);
        }
        finally
        {
            // FEEDWATCH_KEEP_HOSTS_DATA keeps the runs' data folders for a look afterwards.
            if (Environment.GetEnvironmentVariable("FEEDWATCH_KEEP_HOSTS_DATA") is null)
            {
                TryDelete(work);
            }
            else
            {
                progress($"kept {work}");
            }
        }
    }

    private async Task<(HostsRunFigures Figures, Dictionary<string, string> Stories)> RunHostsAsync(
        int hosts, HostsLoadOptions options, string feedsFile, string dataDirectory, string container,
        IReadOnlyDictionary<string, CorpusArticle> urls, IReadOnlyDictionary<string, string> gold, Action<string> progress, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string>
        {
            ["FeedWatch__Http__AllowPrivateAddresses"] = "true", // the replay listens on 127.0.0.1
            ["FeedWatch__Storage__Container"] = container,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        var arguments = new List<string> { "run", "--feeds", feedsFile, "--until-quiet", "--quiet" };
        arguments.AddRange(options.Storage is null ? ["--data", dataDirectory] : ["--storage", options.Storage]);

        var tail = new ConcurrentQueue<string>();
        var cpuBefore = HostProcesses.ChildrenCpuSeconds();
        var clock = Stopwatch.StartNew();
        var processes = Enumerable.Range(1, hosts).Select(n => HostProcesses.Start(arguments, environment, line =>
        {
            tail.Enqueue($"host {n}: {line}");
            while (tail.Count > 40 && tail.TryDequeue(out _))
            {
            }
        })).ToList();
        var exitCodes = new List<int>();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(options.Limit);
        try
        {
            foreach (var process in processes)
            {
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
                exitCodes.Add(process.ExitCode);
            }
        }
        catch (OperationCanceledException)
        {
            foreach (var process in processes.Where(p => !p.HasExited))
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            }

            throw new TimeoutException($"{hosts} host(s) did not finish within {options.Limit}; last output:\n{string.Join('\n', tail)}");
        }
        finally
        {
            processes.ForEach(p => p.Dispose());
        }

        clock.Stop();
        var cpuAfter = HostProcesses.ChildrenCpuSeconds();
        if (exitCodes.Any(code => code != 0))
        {
            progress($"{hosts} host(s) exited with {string.Join(", ", exitCodes)}; last output:\n{string.Join('\n', tail)}");
        }

        var settings = new Dictionary<string, string?> { ["FeedWatch:Storage:Container"] = container };
        using var host = CliHost.Build(context, dataDirectory, settings, storage: options.Storage);
        var blobs = host.Services.GetRequiredService<IBlobStore>();
        var (stored, stories, duplicates) = await ReadAssignmentsAsync(blobs, urls, cancellationToken).ConfigureAwait(false);
        var missing = urls.Values.Count(a => !stored.Contains(a.Id));
        var vsGold = ClusteringMetrics.BCubed(gold, stories);
        var figures = new HostsRunFigures(
            hosts, stored.Count, duplicates, missing, stories.Values.Distinct(StringComparer.Ordinal).Count(),
            vsGold.Precision, vsGold.Recall, vsGold.F1, clock.Elapsed.TotalSeconds, (cpuAfter - cpuBefore) ?? 0, exitCodes);
        return (figures, stories);
    }

    /// <summary>
    /// Each corpus article's story in the store: the first story its document records (the best match, or the story it
    /// started), followed through merges to the story that absorbed it. An article in no story is a story of its own.
    /// </summary>
    private static async Task<(HashSet<string> Stored, Dictionary<string, string> Stories, int Duplicates)> ReadAssignmentsAsync(
        IBlobStore blobs, IReadOnlyDictionary<string, CorpusArticle> urls, CancellationToken cancellationToken)
    {
        var mergedInto = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var info in blobs.ListAsync(BlobLayout.StoriesPrefix, cancellationToken).ConfigureAwait(false))
        {
            if (info.Name.EndsWith(".json", StringComparison.Ordinal) &&
                await blobs.GetJsonAsync<StoryDocument>(info.Name, cancellationToken).ConfigureAwait(false) is { Value.MergedInto: { } into } story)
            {
                mergedInto[story.Value.Id] = into;
            }
        }

        var stored = new HashSet<string>(StringComparer.Ordinal);
        var stories = new Dictionary<string, string>(StringComparer.Ordinal);
        var duplicates = 0;
        await foreach (var info in blobs.ListAsync(BlobLayout.ArticlesPrefix, cancellationToken).ConfigureAwait(false))
        {
            if (!BlobLayout.IsArticleDocument(info.Name) ||
                await blobs.GetJsonAsync<ArticleDocument>(info.Name, cancellationToken).ConfigureAwait(false) is not { } document ||
                !urls.TryGetValue(document.Value.Url, out var article))
            {
                continue;
            }

            if (!stored.Add(article.Id))
            {
                duplicates++;
                continue;
            }

            var story = document.Value.Stories.Count > 0 ? document.Value.Stories[0].StoryId : "unclassified:" + article.Id;
            for (var hops = 0; hops < 100 && mergedInto.TryGetValue(story, out var next); hops++)
            {
                story = next;
            }

            stories[article.Id] = story;
        }

        return (stored, stories, duplicates);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held for a moment; the temp folder is cleaned by the OS later.
        }
    }
}
