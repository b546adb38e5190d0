using FeedWatch.Alerts;
using FeedWatch.Alerts.ConsoleOutput;
using FeedWatch.Azure.Alerts;
using FeedWatch.Azure.Storage.Adapters;
using FeedWatch.Core.Alerts;
using FeedWatch.Core.Alerts.Routing;
using FeedWatch.Core.Pipeline;
using FeedWatch.Core.Pipeline.Classification;
using FeedWatch.Core.Pipeline.Delivery;
using FeedWatch.Core.Pipeline.Fetching;
using FeedWatch.Core.Pipeline.Messages;
using FeedWatch.Core.Pipeline.Polling;
using FeedWatch.Core.Pipeline.Queries;
using FeedWatch.Core.Pipeline.Scheduling;
using FeedWatch.Core.Pipeline.Status;
using FeedWatch.Core.Pipeline.Tracking;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Core.Security;
using FeedWatch.Hosting.Configuration;
using FeedWatch.Hosting.Telemetry;
using FeedWatch.Hosting.Workers;
using FeedWatch.Http;
using FeedWatch.Storage.Local;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FeedWatch.Hosting;

/// <summary>
/// The one composition root: the CLI, the local host (`feedwatch run`) and the Azure Functions app all call AddFeedWatch().
/// It binds the "FeedWatch" configuration section, picks the storage backend (the embedded data folder unless
/// another backend registered IBlobStore/IQueueProvider first) and registers every stage handler and sink.
/// The local host adds its queue workers and timer with <see cref="AddFeedWatchLocalHost"/>.
/// </summary>
public static class FeedWatchHostingExtensions
{
    public static IHostApplicationBuilder AddFeedWatch(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var services = builder.Services;
        var options = configuration.GetSection(FeedWatchOptions.SectionName).Get<FeedWatchOptions>() ?? new FeedWatchOptions();
        // Configured keys, tokens, connection strings and webhook URLs are masked wherever they would be logged.
        ConfiguredSecrets.Register(configuration, FeedWatch.Core.Security.SecretRedactor.Shared);

        services.Configure<FeedWatchOptions>(configuration.GetSection(FeedWatchOptions.SectionName));
        services.Configure<WorkerOptions>(configuration.GetSection(WorkerOptions.SectionName));
        services.TryAddSingleton(sp => configuration.GetSection(PipelineOptions.SectionName).Get<PipelineOptions>() ?? new PipelineOptions());
        services.TryAddSingleton(TimeProvider.System);

        // Storage: FeedWatch:Storage:ConnectionString (or a Functions-style connection named by
        // FeedWatch:Storage:Connection, e.g. "AzureWebJobsStorage") selects Azure Storage; a backend registered
        // before this call (tests) wins; otherwise the embedded data folder.
        if (AzureStorageSelection.Resolve(configuration) is { } azure)
        {
            services.AddAzureStorage(azure, configuration["FeedWatch:Storage:Container"] ?? AzureStorageServiceCollectionExtensions.DefaultContainerName);
        }
        else if (!services.Any(d => d.ServiceType == typeof(IBlobStore)) || !services.Any(d => d.ServiceType == typeof(IQueueProvider)))
        {
            services.AddLocalStorage(options.ResolveDataDirectory());
        }

        services.AddFeedWatchHttp(configuration);
        FeedWatchComponents.Add(services, configuration);

        services.TryAddSingleton<ArticleStore>();
        services.TryAddSingleton<ArticleFetcher>();
        services.TryAddSingleton<StoryIndex>();
        services.TryAddSingleton<StoryUpdater>();
        services.TryAddSingleton<ClassifierLease>();
        services.TryAddSingleton<StoryTracker>();
        services.TryAddSingleton<PipelineQueries>();
        services.TryAddSingleton<PipelineStatusReader>();
        services.TryAddSingleton<ConfiguredFeedCatalog>();
        services.TryAddSingleton<IFeedCatalog>(sp => sp.GetRequiredService<ConfiguredFeedCatalog>());

        services.TryAddScoped<IFeedScheduler, ScheduleFeedsHandler>();
        services.TryAddScoped<IStageHandler<PollFeedMessage>, PollFeedHandler>();
        services.TryAddScoped<IStageHandler<FetchArticleMessage>, FetchArticleHandler>();
        services.TryAddScoped<IStageHandler<ClassifyArticleMessage>, ClassifyArticleHandler>();
        // Alert routing, noise control, retries and parking (FeedWatch.Alerts); registers the deliver-alert handler first.
        // The Azure Storage queue and Service Bus sink types come from FeedWatch.Azure.
        services.AddAzureAlertSinks();
        services.AddFeedWatchAlerts(configuration);
        services.TryAddScoped<IStageHandler<DeliverAlertMessage>, DeliverAlertHandler>();

        // Alert settings edited in the dashboard (settings/stories/{id}.json) override the configured ones.
        services.TryAddSingleton<StoryAlertSettingsStore>();
        services.TryAddSingleton<StoredStoryAlertSettingsProvider>();
        services.Replace(ServiceDescriptor.Singleton<IStoryAlertSettingsProvider>(sp => sp.GetRequiredService<StoredStoryAlertSettingsProvider>()));
        services.AddHostedService<StoredAlertSettingsRefresher>();

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlertSink, LocalQueueAlertSink>());
        if (options.ConsoleAlerts)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlertSink, ConsoleAlertSink>(_ => new ConsoleAlertSink()));
        }

        // Traces and metrics, only when OTEL_EXPORTER_OTLP_ENDPOINT or APPLICATIONINSIGHTS_CONNECTION_STRING is set.
        builder.AddFeedWatchTelemetry();

        // Last, so every logger provider configured so far writes through the secret redactor.
        services.AddSecretRedactionToLogging();
        return builder;
    }

    /// <summary>The local host: a worker per stage queue (with poison handling), the schedule timer and start-up recovery.</summary>
    public static IHostApplicationBuilder AddFeedWatchLocalHost(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton<PipelineActivity>();
        services.TryAddSingleton<StorageFault>();
        services.TryAddSingleton<StartupRecovery>();
        AddWorker<PollFeedMessage>(services, QueueNames.PollFeed, o => o.PollConcurrency);
        AddWorker<FetchArticleMessage>(services, QueueNames.FetchArticle, o => o.FetchConcurrency);
        // One active classifier among all hosts on the same storage (see ClassifierLease); registered before the
        // classify worker so it releases the lease after that worker has stopped.
        services.AddHostedService<ClassifierLeaseRelease>();
        services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<QueueWorker<ClassifyArticleMessage>>(
            sp, QueueNames.ClassifyArticle, sp.GetRequiredService<IOptions<WorkerOptions>>().Value.ClassifyConcurrency,
            (IQueueProvider)new LeaseGatedQueueProvider(sp.GetRequiredService<IQueueProvider>(), sp.GetRequiredService<ClassifierLease>())));
        AddWorker<DeliverAlertMessage>(services, QueueNames.DeliverAlert, o => o.DeliverConcurrency);
        services.AddHostedService<ScheduleWorker>();
        return builder;
    }

    private static void AddWorker<TMessage>(IServiceCollection services, string queueName, Func<WorkerOptions, int> concurrency) =>
        services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<QueueWorker<TMessage>>(
            sp, queueName, concurrency(sp.GetRequiredService<IOptions<WorkerOptions>>().Value)));
}
