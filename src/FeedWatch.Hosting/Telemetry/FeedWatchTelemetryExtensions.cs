using Azure.Monitor.OpenTelemetry.Exporter;
using FeedWatch.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FeedWatch.Hosting.Telemetry;

/// <summary>
/// OpenTelemetry for every host (CLI commands, `feedwatch run`, the dashboard, the Functions app), switched on by the
/// standard variables only (<see cref="TelemetrySettings"/>): traces of the FeedWatch.* sources and outbound HttpClient
/// calls, metrics of the "FeedWatch" meter (with the queue gauges), sent by OTLP (grpc or
/// http/protobuf) and/or to Azure Monitor (Application Insights). Nothing is registered when nothing is configured.
/// </summary>
public static class FeedWatchTelemetryExtensions
{
    public static IHostApplicationBuilder AddFeedWatchTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = TelemetrySettings.From(builder.Configuration);
        if (!settings.Enabled)
        {
            return builder;
        }

        var credential = settings.AzureMonitorConnectionString is null ? null : AzureMonitorAuthentication.CredentialFrom(builder.Configuration[AzureMonitorAuthentication.SettingName]);

        var otel = builder.Services.AddOpenTelemetry().ConfigureResource(resource =>
        {
            // OTEL_SERVICE_NAME (read by the SDK) wins; otherwise the service is "feedwatch".
            if (settings.ServiceName is null)
            {
                resource.AddService(TelemetrySettings.DefaultServiceName, serviceVersion: typeof(FeedWatchTelemetryExtensions).Assembly.GetName().Version?.ToString());
            }
        });

        if (settings.OtlpTraces || settings.AzureMonitorConnectionString is not null)
        {
            otel.WithTracing(tracing =>
            {
                tracing.AddFeedWatchInstrumentation();
                if (settings.OtlpTraces)
                {
                    tracing.AddOtlpExporter();
                }

                if (settings.AzureMonitorConnectionString is { } connection)
                {
                    tracing.AddAzureMonitorTraceExporter(o =>
                    {
                        o.ConnectionString = connection;
                        o.Credential = credential;
                    });
                }
            });
        }

        if (settings.OtlpMetrics || settings.AzureMonitorConnectionString is not null)
        {
            otel.WithMetrics(metrics =>
            {
                metrics.AddFeedWatchInstrumentation();
                if (settings.OtlpMetrics)
                {
                    metrics.AddOtlpExporter();
                }

                if (settings.AzureMonitorConnectionString is { } connection)
                {
                    metrics.AddAzureMonitorMetricExporter(o =>
                    {
                        o.ConnectionString = connection;
                        o.Credential = credential;
                    });
                }
            });
            builder.Services.AddFeedWatchQueueGauges();
        }

        return builder;
    }

    /// <summary>The FeedWatch stage sources and outbound HTTP: what every FeedWatch tracer provider listens to.</summary>
    public static TracerProviderBuilder AddFeedWatchInstrumentation(this TracerProviderBuilder tracing)
    {
        ArgumentNullException.ThrowIfNull(tracing);
        return tracing.AddSource(FeedWatchTracing.SourceNamePattern).AddHttpClientInstrumentation();
    }

    /// <summary>
    /// The "FeedWatch" meter: what every FeedWatch meter provider listens to. HttpClient's own metrics are left out on
    /// purpose: they carry one series per outlet host (thousands of histograms for thousands of feeds); outbound HTTP
    /// is visible in the traces instead.
    /// </summary>
    public static MeterProviderBuilder AddFeedWatchInstrumentation(this MeterProviderBuilder metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return metrics.AddMeter(FeedWatchMetrics.MeterName);
    }

    /// <summary>Samples queue depth and poison counts in the background for the feedwatch.queue.* gauges.</summary>
    public static IServiceCollection AddFeedWatchQueueGauges(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<QueueGauges>();
        services.AddHostedService(sp => sp.GetRequiredService<QueueGauges>());
        return services;
    }
}
