using Azure.Core;
using FeedWatch.Azure.Common;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Hosting;
using FeedWatch.Hosting.Workers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Reliability.Tests.FaultInjection.Storage;

/// <summary>
/// The real pipeline (AddFeedWatch + the local host's workers and timer, exactly what `feedwatch run --storage` builds)
/// on Azure Storage, with the storage clients' network timeout and backoff shortened so an injected timeout costs
/// seconds, not the 100 s default. Everything else is the product's configuration.
/// </summary>
internal static class AzurePipelineHost
{
    public static readonly TimeSpan NetworkTimeout = TimeSpan.FromSeconds(2);

    public static IHost Build(string connectionString, string container, string feedsFile, IReadOnlyDictionary<string, string> hostMap, string dataDirectory, ILoggerProvider logs)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        var settings = new Dictionary<string, string?>
        {
            ["FeedWatch:Storage:ConnectionString"] = connectionString,
            ["FeedWatch:Storage:Container"] = container,
            ["FeedWatch:FeedsFile"] = feedsFile,
            ["FeedWatch:DataDirectory"] = dataDirectory,
            ["FeedWatch:ConsoleAlerts"] = "false",
            // The first tick polls every feed; later ticks find nothing due (1-hour poll interval) but keep
            // reading feed state through the proxy.
            ["FeedWatch:Workers:ScheduleInterval"] = "00:00:05",
            // A receive whose answer was lost hid its messages: they come back after this, not after 2 minutes.
            ["FeedWatch:Workers:VisibilityTimeout"] = "00:00:10",
            ["FeedWatch:Workers:RetryDelay"] = "00:00:00.200",
        };
        settings["FeedWatch:Http:AllowPrivateAddresses"] = "true"; // the outlets are host-mapped to 127.0.0.1
        foreach (var (host, address) in hostMap)
        {
            settings[$"FeedWatch:Http:HostMap:{host}"] = address;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddProvider(logs);
        builder.Services.AddSingleton(Shorten(StorageClientDefaults.Blob()));
        builder.Services.AddSingleton(Shorten(StorageClientDefaults.Queue()));
        builder.AddFeedWatch();
        builder.AddFeedWatchLocalHost();
        return builder.Build();
    }

    /// <summary>
    /// Starts the host, waits for its first schedule tick, then until every stage queue (counted on a direct,
    /// unfaulted connection; the count includes hidden messages) is empty and no message was handled for
    /// <paramref name="settle"/>; stops it.
    /// </summary>
    public static async Task RunUntilQuietAsync(IHost host, IQueueProvider directQueues, TimeSpan settle, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        await host.StartAsync(timeout.Token);
        try
        {
            var activity = host.Services.GetRequiredService<PipelineActivity>();
            await activity.FirstScheduleTick.WaitAsync(timeout.Token);
            string[] stages = [QueueNames.PollFeed, QueueNames.FetchArticle, QueueNames.ClassifyArticle, QueueNames.DeliverAlert];
            var quietSince = (DateTimeOffset?)null;
            var handled = activity.Handled;
            while (true)
            {
                await Task.Delay(250, timeout.Token);
                var waiting = 0;
                foreach (var stage in stages)
                {
                    waiting += await directQueues.GetQueue(stage).GetApproximateCountAsync(timeout.Token);
                }

                if (waiting == 0 && activity.Handled == handled)
                {
                    quietSince ??= DateTimeOffset.UtcNow;
                    if (DateTimeOffset.UtcNow - quietSince >= settle)
                    {
                        return;
                    }
                }
                else
                {
                    quietSince = null;
                    handled = activity.Handled;
                }
            }
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static T Shorten<T>(T options)
        where T : ClientOptions
    {
        options.Retry.NetworkTimeout = NetworkTimeout;
        options.Retry.Delay = TimeSpan.FromMilliseconds(100);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        options.Retry.MaxRetries = 5;
        return options;
    }
}
