using FeedWatch.Alerts.Configuration;
using FeedWatch.Core.Alerts;
using FeedWatch.Core.Alerts.Delivery;
using FeedWatch.Core.Alerts.Routing;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Ports.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Alerts;

/// <summary>
/// Registers alert delivery from the "FeedWatch:Alerts" section: the configured sinks, routing and noise control
/// (IStoryAlertSettingsProvider), the dispatcher with receipts and parking, IAlertDelivery, the worker that releases
/// held alerts, and ONE IAlertSink — <see cref="RoutedAlertSink"/> — for the pipeline's DeliverAlertHandler. Do not
/// register other IAlertSink services beside it (they would bypass routing). Needs IBlobStore (and IQueueProvider for
/// Queue sinks) from the host.
/// </summary>
public static class AlertsServiceCollectionExtensions
{
    public static IServiceCollection AddFeedWatchAlerts(this IServiceCollection services, IConfiguration configuration, bool runReleaseWorker = true)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(AlertRoutingOptions.SectionName);

        var routing = section.Get<AlertRoutingOptions>() ?? new AlertRoutingOptions();
        var sinkOptions = new Dictionary<string, AlertSinkOptions>(StringComparer.OrdinalIgnoreCase);
        foreach (var child in section.GetSection("Sinks").GetChildren())
            sinkOptions[child.Key] = child.Get<AlertSinkOptions>() ?? new AlertSinkOptions();
        // Nothing configured: the embedded default's local alert queue and the console, as the foundation promises.
        if (sinkOptions.Count == 0)
        {
            sinkOptions["queue"] = new AlertSinkOptions { Type = AlertSinkType.Queue };
            sinkOptions["console"] = new AlertSinkOptions { Type = AlertSinkType.Console };
        }

        if (routing.Default.Sinks.Count == 0) routing.Default = WithSinks(routing.Default, [.. sinkOptions.Keys]);
        Validate(routing, sinkOptions);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(routing);
        services.AddSingleton<IStoryAlertSettingsProvider, ConfiguredStoryAlertSettings>();
        services.AddSingleton(configuration.GetSection(DeliveryRetryOptions.SectionName).Get<DeliveryRetryOptions>() ?? new DeliveryRetryOptions());
        services.AddSingleton(provider =>
        {
            var factory = new AlertSinkFactory(provider.GetService<IQueueProvider>(), provider.GetService<IStorageQueueConnector>(), provider.GetRequiredService<TimeProvider>());
            return new ConfiguredAlertSinks([.. sinkOptions.Select(pair => factory.Create(pair.Key, pair.Value))]);
        });

        services.AddSingleton(provider => new AlertDeliveryStore(provider.GetRequiredService<IBlobStore>()));
        services.AddSingleton(provider => new AlertDispatcher(
            provider.GetRequiredService<ConfiguredAlertSinks>().Sinks,
            provider.GetRequiredService<AlertDeliveryStore>(),
            provider.GetRequiredService<DeliveryRetryOptions>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<AlertDispatcher>>()));
        services.AddSingleton<IAlertDelivery, AlertDeliveryService>();
        services.AddSingleton<IAlertSink, RoutedAlertSink>();
        if (runReleaseWorker) services.AddHostedService<HeldAlertReleaseWorker>();
        return services;
    }

    private static StoryAlertSettings WithSinks(StoryAlertSettings settings, List<string> sinks) => new()
    {
        Sinks = sinks,
        RateLimit = settings.RateLimit,
        QuietHours = settings.QuietHours,
        DigestPeriod = settings.DigestPeriod,
    };

    // Configuration mistakes surface at start-up, not as parked alerts hours later.
    private static void Validate(AlertRoutingOptions routing, Dictionary<string, AlertSinkOptions> sinks)
    {
        foreach (var (story, settings) in routing.Stories.Append(new("(default)", routing.Default)))
        {
            foreach (var sink in settings.Sinks)
            {
                if (!sinks.ContainsKey(sink))
                    throw new InvalidOperationException($"Alert route of story {story} names sink '{sink}', which is not configured under FeedWatch:Alerts:Sinks.");
            }

            settings.RateLimit?.Validate();
            if (settings.DigestPeriod is { } period && period <= TimeSpan.Zero)
                throw new InvalidOperationException($"Alert route of story {story}: DigestPeriod must be positive.");
        }
    }
}
