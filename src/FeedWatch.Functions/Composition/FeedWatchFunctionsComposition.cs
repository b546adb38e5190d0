using FeedWatch.Azure.Common;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Functions.Classification;
using FeedWatch.Hosting;
using FeedWatch.Hosting.Configuration;
using FeedWatch.Hosting.Workers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace FeedWatch.Functions.Composition;

/// <summary>
/// The Functions app's composition: the same AddFeedWatch() as `feedwatch run`, with what only the Functions host
/// needs around it. Kept out of Program.cs so tests/FeedWatch.Functions.Tests composes exactly what runs.
/// </summary>
public static class FeedWatchFunctionsComposition
{
    public static IHostApplicationBuilder AddFeedWatchFunctions(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;

        // 1. Storage. The pipeline must send to the very queues the triggers listen to, so unless configuration
        //    already names a FeedWatch storage account, FeedWatch uses the host's own AzureWebJobsStorage account
        //    (connection string or identity-based settings), selected through AddFeedWatch's
        //    FeedWatch:Storage:Connection. An embedded data folder would be lost with the instance, so it is never
        //    the fallback here. A backend registered before this call (tests) wins.
        var backendRegistered = builder.Services.Any(d => d.ServiceType == typeof(IBlobStore)) && builder.Services.Any(d => d.ServiceType == typeof(IQueueProvider));
        if (!backendRegistered && AzureStorageSelection.Resolve(configuration) is null)
        {
            _ = StorageConnection.FromSettings(key => configuration[key], FunctionSettings.StorageConnection)
                ?? throw new InvalidOperationException(
                    $"Set '{FunctionSettings.StorageConnection}' (a connection string, e.g. UseDevelopmentStorage=true for Azurite) or the identity-based " +
                    $"'{FunctionSettings.StorageConnection}__blobServiceUri' and '__queueServiceUri' settings: the queue triggers and FeedWatch share that account.");
            configuration.AddInMemoryCollection([KeyValuePair.Create(AzureStorageSelection.ConnectionNameKey, (string?)FunctionSettings.StorageConnection)]);
        }

        // 2. The feeds file ships inside the app package; the worker's working directory is not the app folder.
        var feedsFile = configuration[FunctionSettings.FeedsFileSetting];
        if (!string.IsNullOrWhiteSpace(feedsFile) && !Path.IsPathRooted(feedsFile))
        {
            configuration.AddInMemoryCollection([KeyValuePair.Create(FunctionSettings.FeedsFileSetting, (string?)Path.Combine(AppContext.BaseDirectory, feedsFile))]);
        }

        // 3. Handlers, stores, fetcher and alert sinks (FeedWatch:Alerts:Sinks, the Service Bus topic in Azure):
        //    identical to the local host.
        builder.AddFeedWatch();

        // 4. What `feedwatch run` does at start (tracked stories from the feeds file, re-enqueue alerts left
        //    undelivered in story outboxes), once per worker instance, in the background.
        builder.Services.TryAddSingleton<StartupRecovery>();

        // 5. One active classifier across all instances (the classifier lease), taken in turns.
        builder.Services.TryAddSingleton<ClassifierTurns>();
        builder.Services.AddHostedService<StartupRecoveryService>();
        return builder;
    }
}
