using FeedWatch.Azure.Alerts;
using FeedWatch.Azure.Storage.Adapters;
using FeedWatch.Core.Alerts;
using FeedWatch.Core.Pipeline;
using FeedWatch.Core.Pipeline.Classification;
using FeedWatch.Core.Pipeline.Delivery;
using FeedWatch.Core.Pipeline.Fetching;
using FeedWatch.Core.Pipeline.Messages;
using FeedWatch.Core.Pipeline.Polling;
using FeedWatch.Core.Pipeline.Scheduling;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Functions.Composition;
using FeedWatch.Functions.Functions;
using FeedWatch.Functions.Tests.Support;
using FeedWatch.Hosting;
using FeedWatch.Hosting.Configuration;
using FeedWatch.Storage.Local;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FeedWatch.Functions.Tests.Composition;

/// <summary>
/// Program.cs's composition (FunctionsApplication.CreateBuilder + AddFeedWatchFunctions) with the real AddFeedWatch():
/// every function class must be constructible from it with the real stage handlers, on the storage the triggers use.
/// </summary>
public sealed class FunctionsCompositionTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("feedwatch-functions-").FullName;

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    private static IHost Compose(IDictionary<string, string?> settings, Action<IServiceCollection>? before = null)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(settings);
        before?.Invoke(builder.Services);
        builder.AddFeedWatchFunctions();
        return builder.Build();
    }

    [Fact]
    public void Every_function_class_is_built_from_the_composition_with_the_real_stage_handlers()
    {
        using var host = Compose(new Dictionary<string, string?>(), services => services.AddLocalStorage(_dataDirectory));
        using var scope = host.Services.CreateScope(); // the worker creates function instances per invocation scope

        var functions = new object[]
        {
            ActivatorUtilities.CreateInstance<ScheduleFeedsFunction>(scope.ServiceProvider),
            ActivatorUtilities.CreateInstance<PollFeedFunction>(scope.ServiceProvider),
            ActivatorUtilities.CreateInstance<FetchArticleFunction>(scope.ServiceProvider),
            ActivatorUtilities.CreateInstance<ClassifyArticleFunction>(scope.ServiceProvider),
            ActivatorUtilities.CreateInstance<DeliverAlertFunction>(scope.ServiceProvider),
        };

        Assert.All(functions, Assert.NotNull);
        Assert.IsType<ScheduleFeedsHandler>(scope.ServiceProvider.GetRequiredService<IFeedScheduler>());
        Assert.IsType<PollFeedHandler>(scope.ServiceProvider.GetRequiredService<IStageHandler<PollFeedMessage>>());
        Assert.IsType<FetchArticleHandler>(scope.ServiceProvider.GetRequiredService<IStageHandler<FetchArticleMessage>>());
        Assert.IsType<ClassifyArticleHandler>(scope.ServiceProvider.GetRequiredService<IStageHandler<ClassifyArticleMessage>>());
        Assert.IsType<DeliverAlertHandler>(scope.ServiceProvider.GetRequiredService<IStageHandler<DeliverAlertMessage>>());
    }

    [Fact]
    public void The_local_hosts_queue_workers_are_not_added_because_the_triggers_replace_them()
    {
        // The worker's own hosted service connects to the host's gRPC endpoint, which the host passes at start-up.
        using var host = Compose(new Dictionary<string, string?> { ["Functions:Worker:HostEndpoint"] = "http://127.0.0.1:9" }, services => services.AddLocalStorage(_dataDirectory));

        var hosted = host.Services.GetServices<IHostedService>().Select(service => service.GetType()).ToList();

        Assert.Contains(typeof(StartupRecoveryService), hosted);
        Assert.DoesNotContain(hosted, type => type.Namespace == "FeedWatch.Hosting.Workers");
    }

    [Fact]
    public void FeedWatch_uses_the_AzureWebJobsStorage_account_the_triggers_listen_to()
    {
        using var host = Compose(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });

        Assert.IsType<AzureBlobStore>(host.Services.GetRequiredService<IBlobStore>());
        Assert.IsType<AzureQueueProvider>(host.Services.GetRequiredService<IQueueProvider>());
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), host.Services.GetRequiredService<FeedWatch.Azure.Common.StorageConnection>().QueueServiceUri);
    }

    [Fact]
    public void The_identity_based_settings_infra_deploys_are_understood_without_any_key()
    {
        using var host = Compose(new Dictionary<string, string?>
        {
            // What infra/modules/functionapp.bicep sets (as AzureWebJobsStorage__x environment variables).
            ["AzureWebJobsStorage:blobServiceUri"] = "https://stfwexample.blob.core.windows.net/",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://stfwexample.queue.core.windows.net/",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
            ["FeedWatch:Storage:Container"] = "feedwatch",
        });

        var connection = host.Services.GetRequiredService<FeedWatch.Azure.Common.StorageConnection>();
        Assert.Equal(new Uri("https://stfwexample.queue.core.windows.net/"), connection.QueueServiceUri);
        Assert.IsType<AzureQueueProvider>(host.Services.GetRequiredService<IQueueProvider>());
    }

    [Fact]
    public void Without_a_storage_setting_the_app_refuses_to_start_and_says_what_to_set()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Compose(new Dictionary<string, string?>()));

        Assert.Contains("AzureWebJobsStorage", error.Message, StringComparison.Ordinal);
        Assert.Contains("queueServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Service_Bus_topic_sink_infra_configures_is_among_the_alert_sinks()
    {
        using var host = Compose(
            new Dictionary<string, string?>
            {
                ["FeedWatch:ConsoleAlerts"] = "false",
                ["FeedWatch:Alerts:Sinks:servicebus:Type"] = "ServiceBus",
                ["FeedWatch:Alerts:Sinks:servicebus:FullyQualifiedNamespace"] = "https://sb-feedwatch-example.servicebus.windows.net/",
                ["FeedWatch:Alerts:Sinks:servicebus:EntityPath"] = "feedwatch-alerts",
                ["FeedWatch:Alerts:Default:Sinks:0"] = "servicebus",
            },
            services => services.AddLocalStorage(_dataDirectory));

        var sinks = host.Services.GetServices<IAlertSink>().ToList();

        Assert.Single(sinks, sink => sink is ServiceBusAlertSink { Name: "servicebus" });
        Assert.Single(sinks, sink => sink.Name == "queue"); // the pipeline's own alert queue stays
        Assert.DoesNotContain(sinks, sink => sink.Name == "console");
    }

    [Fact]
    public void A_relative_feeds_file_is_read_from_the_app_folder_and_the_shipped_one_is_valid()
    {
        using var host = Compose(new Dictionary<string, string?> { ["FeedWatch:FeedsFile"] = "feeds.yaml" }, services => services.AddLocalStorage(_dataDirectory));

        var options = host.Services.GetRequiredService<IOptions<FeedWatchOptions>>().Value;

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "feeds.yaml"), options.FeedsFile);
        var shipped = FeedsFileLoader.Load(RepoPaths.Of("src/FeedWatch.Functions/feeds.yaml"));
        Assert.Empty(shipped.Feeds); // nothing is polled until the user lists feeds
    }
}
