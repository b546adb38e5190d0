using System.Diagnostics;
using System.Globalization;
using System.Text;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Storage.Local.Blobs;
using FeedWatch.Storage.Local.Queues;

namespace FeedWatch.Storage.Tests.Local;

/// <summary>Several real processes on one data folder, as several `feedwatch run` processes would be.</summary>
public sealed class CrossProcessTests : IDisposable
{
    private const int Processes = 3;
    private readonly LocalStorageTestFolder folder = new();

    [Fact]
    public async Task Conditional_writes_from_several_processes_lose_no_update()
    {
        var store = new LocalBlobStore(folder.Path);
        await store.PutAsync("counter.txt", Encoding.UTF8.GetBytes("0"), new BlobPutOptions());

        await Task.WhenAll(Enumerable.Range(0, Processes).Select(_ => RunWorkerAsync("increment", folder.Path, "15")));

        var final = await store.GetAsync("counter.txt");
        Assert.Equal((Processes * 15).ToString(CultureInfo.InvariantCulture), Encoding.UTF8.GetString(final!.Content.Span));
    }

    [Fact]
    public async Task Competing_consumer_processes_receive_each_message_exactly_once()
    {
        var queue = new LocalQueueProvider(folder.Path).GetQueue("feedwatch-fetch-article");
        var sent = Enumerable.Range(0, 120).Select(i => $"article-{i}").ToList();
        foreach (var body in sent)
        {
            await queue.SendAsync(body);
        }

        var outputs = Enumerable.Range(0, Processes).Select(i => Path.Combine(folder.Path, $"consumer-{i}.txt")).ToList();
        await Task.WhenAll(outputs.Select(output => RunWorkerAsync("consume", folder.Path, "feedwatch-fetch-article", output)));

        var received = outputs.SelectMany(File.ReadAllLines).ToList();
        Assert.Equal(sent.Count, received.Count);
        Assert.Equal(sent.Order(StringComparer.Ordinal), received.Order(StringComparer.Ordinal));
        Assert.Equal(0, await queue.GetApproximateCountAsync());
    }

    private static async Task RunWorkerAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.ArgumentList.Add(typeof(CrossProcessWorker).Assembly.Location);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        _ = await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"worker {string.Join(' ', arguments)} exited with {process.ExitCode}: {await errors}");
    }

    public void Dispose() => folder.Dispose();
}
