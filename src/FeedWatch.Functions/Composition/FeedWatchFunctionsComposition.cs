using FeedWatch.Alerts.Configuration;
using FeedWatch.Azure.Common;
using FeedWatch.Azure.Storage.Adapters;
using FeedWatch.Core.Alerts;
using FeedWatch.Core.Alerts.Delivery;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Hosting;
using FeedWatch.Hosting.Workers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace FeedWatch.Functions.Composition;

/// <summary>
/// The Functions app's composition: the same AddFeedWatch() as `feedwatch run`, with what only the Functions host
/// needs around it. Kept out of Program.cs so tests/FeedWatch.Functions.CompileCheck composes exactly what runs.
/// </summary>
public static class FeedWatchFunctionsComposition
{
    public static IHostApplicationBuilder AddFeedWatchFunctions(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;

        // 1. Storage. The pipeline must send to the very queues the triggers listen to, so FeedWatch uses the
        //    host's own AzureWebJobsStorage account (connection string or identity-based settings). An embedded
        //    data folder would be lost with the instance. A backend registered before this call (tests) wins.
        if (!builder.Services.Any(d => d.ServiceType == typeof(IBlobStore)) || !builder.Services.Any(d => d.ServiceType == typeof(IQueueProvider)))
        {
            var connection = StorageConnection.FromSettings(key => configuration[key], FunctionSettings.StorageConnection)
                ?? throw new InvalidOperationException(
                    $"Set '{FunctionSettings.StorageConnection}' (a connection string, e.g. UseDevelopmentStorage=true for Azurite) or the identity-based " +
                    $"'{FunctionSettings.StorageConnection}__blobServiceUri' and '__queueServiceUri' settings: the queue triggers and FeedWatch share that account.");
            var container = configuration[FunctionSettings.DataContainerSetting];
            builder.Services.AddAzureStorage(connection, string.IsNullOrWhiteSpace(container) ? AzureStorageServiceCollectionExtensions.DefaultContainerName : container);
        }

        // 2. The feeds file ships inside the app package; the worker's working directory is not the app folder.
        var feedsFile = configuration[FunctionSettings.FeedsFileSetting];
        if (!string.IsNullOrWhiteSpace(feedsFile) && !Path.IsPathRooted(feedsFile))
        {
            configuration.AddInMemoryCollection([KeyValuePair.Create(FunctionSettings.FeedsFileSetting, (string?)Path.Combine(AppContext.BaseDirectory, feedsFile))]);
        }

        // 3. Handlers, stores, fetcher and sinks: identical to the local host.
        builder.AddFeedWatch();

        // 4. The alert sinks configured under FeedWatch:Alerts:Sinks (Service Bus topic in Azure), unless the shared
        //    composition already registers FeedWatch.Alerts itself.
        AddConfiguredAlertSinks(builder);

        // 5. What `feedwatch run` does at start (tracked stories from the feeds file, re-enqueue alerts left
        //    undelivered in story outboxes), once per worker instance, in the background.
        builder.Services.TryAddSingleton<StartupRecovery>();
        builder.Services.AddHostedService<StartupRecoveryService>();
        return builder;
    }

    private static void AddConfiguredAlertSinks(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var alertsAlreadyComposed = services.Any(d => d.ServiceType == typeof(IAlertDelivery)
            || (d.ServiceType == typeof(IAlertSink) && d.ImplementationType?.Assembly == typeof(AlertSinkFactory).Assembly));
        if (alertsAlreadyComposed)
        {
            return;
        }

        foreach (var sink in builder.Configuration.GetSection(FunctionSettings.AlertSinksSection).GetChildren())
        {
            var options = sink.Get<AlertSinkOptions>() ?? new AlertSinkOptions();
            // Console output is already covered by FeedWatch:ConsoleAlerts; a second console sink would print twice.
            if (options.Type == AlertSinkType.Console)
            {
                continue;
            }

            var name = sink.Key;
            services.AddSingleton<IAlertSink>(provider => new AlertSinkFactory(
                provider.GetService<IQueueProvider>(), provider.GetService<IStorageQueueConnector>(), provider.GetService<TimeProvider>() ?? TimeProvider.System)
                .Create(name, options));
        }
    }
}
