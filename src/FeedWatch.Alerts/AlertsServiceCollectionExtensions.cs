using System.Runtime.CompilerServices;
using FeedWatch.Alerts.Configuration;
using FeedWatch.Core.Alerts;
using FeedWatch.Core.Alerts.Delivery;
using FeedWatch.Core.Alerts.Routing;
using FeedWatch.Core.Pipeline;
using FeedWatch.Core.Pipeline.Delivery;
using FeedWatch.Core.Pipeline.Messages;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Ports.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Alerts;

/// <summary>
/// Registers alert delivery from the "FeedWatch:Alerts" section: the sinks named under "FeedWatch:Alerts:Sinks" (as
/// IAlertSink services), routing and noise control, the dispatcher with receipts and parking, IAlertDelivery and the
/// worker that releases held alerts. The dispatcher knows every IAlertSink service by name — the configured ones and
/// those the host registers (the pipeline's local alert queue "queue", the console); a configured sink replaces a
/// host-registered one of the same name.
/// The pipeline's DeliverAlertHandler is registered with ONE sink, <see cref="RoutedAlertSink"/>, so every alert goes
/// through routing — call this BEFORE the host's own TryAdd of the deliver-alert handler.
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
        ValidateSettings(routing);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(configuration.GetSection(DeliveryRetryOptions.SectionName).Get<DeliveryRetryOptions>() ?? new DeliveryRetryOptions());
        // The sinks built from configuration, so a configured sink can replace a host-registered one of the same name.
        var configured = new ConditionalWeakTable<IAlertSink, string>();
        foreach (var (name, options) in sinkOptions)
        {
            services.AddSingleton<IAlertSink>(provider =>
            {
                var sink = new AlertSinkFactory(
                    provider.GetService<IQueueProvider>(),
                    provider.GetRequiredService<TimeProvider>(),
                    provider.GetServices<IAlertSinkBuilder>()).Create(name, options);
                configured.AddOrUpdate(sink, name);
                return sink;
            });
        }

        services.AddSingleton(provider =>
        {
            // Every IAlertSink service is a sink the dispatcher knows by name. A configured sink (built by AlertSinkFactory)
            // replaces a host-registered one of the same name; otherwise the later registration wins, as DI does.
            var all = provider.GetServices<IAlertSink>()
                .GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
                .Select(g => sinkOptions.ContainsKey(g.Key) ? g.First(s => configured.TryGetValue(s, out _)) : g.Last())
                .ToList();
            return new ConfiguredAlertSinks(all);
        });
        services.AddSingleton(provider =>
        {
            var sinks = provider.GetRequiredService<ConfiguredAlertSinks>().Sinks;
            // No default route configured: every available sink (the local alert queue and the console on the embedded default).
            var effective = routing.Default.Sinks.Count > 0 ? routing : new AlertRoutingOptions
            {
                Default = new StoryAlertSettings
                {
                    Sinks = [.. sinks.Select(s => s.Name)],
                    RateLimit = routing.Default.RateLimit,
                    QuietHours = routing.Default.QuietHours,
                    DigestPeriod = routing.Default.DigestPeriod,
                },
                Stories = routing.Stories,
            };
            ValidateRoutes(effective, sinks);
            return effective;
        });
        services.AddSingleton<IStoryAlertSettingsProvider, ConfiguredStoryAlertSettings>();
        services.AddSingleton(provider => new AlertDeliveryStore(provider.GetRequiredService<IBlobStore>()));
        services.AddSingleton(provider => new AlertDispatcher(
            provider.GetRequiredService<ConfiguredAlertSinks>().Sinks,
            provider.GetRequiredService<AlertDeliveryStore>(),
            provider.GetRequiredService<DeliveryRetryOptions>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<AlertDispatcher>>()));
        services.AddSingleton<IAlertDelivery, AlertDeliveryService>();
        services.AddSingleton<RoutedAlertSink>();
        services.TryAddScoped<IStageHandler<DeliverAlertMessage>>(provider => new DeliverAlertHandler(
            provider.GetRequiredService<IBlobStore>(),
            [provider.GetRequiredService<RoutedAlertSink>()],
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<DeliverAlertHandler>>()));
        if (runReleaseWorker) services.AddHostedService<HeldAlertReleaseWorker>();
        return services;
    }

    // Configuration mistakes surface at start-up, not as parked alerts hours later.
    private static void ValidateSettings(AlertRoutingOptions routing)
    {
        foreach (var (story, settings) in routing.Stories.Append(new("(default)", routing.Default)))
        {
            settings.RateLimit?.Validate();
            if (settings.DigestPeriod is { } period && period <= TimeSpan.Zero)
                throw new InvalidOperationException($"Alert route of story {story}: DigestPeriod must be positive.");
        }
    }

    private static void ValidateRoutes(AlertRoutingOptions routing, IReadOnlyList<IAlertSink> sinks)
    {
        var known = sinks.Select(s => s.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (story, settings) in routing.Stories.Append(new("(default)", routing.Default)))
        {
            var unknown = settings.Sinks.Where(s => !known.Contains(s)).ToList();
            if (unknown.Count > 0)
                throw new InvalidOperationException(
                    $"Alert route of story {story} names sink(s) {string.Join(", ", unknown)}, which are not configured under FeedWatch:Alerts:Sinks (known: {string.Join(", ", known)}).");
        }
    }
}
