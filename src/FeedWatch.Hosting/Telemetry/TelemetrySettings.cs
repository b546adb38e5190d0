using Microsoft.Extensions.Configuration;

namespace FeedWatch.Hosting.Telemetry;

/// <summary>
/// Which exporters the standard variables switch on. OTEL_EXPORTER_OTLP_ENDPOINT (or a per-signal
/// OTEL_EXPORTER_OTLP_TRACES_ENDPOINT / _METRICS_ENDPOINT) selects OTLP; APPLICATIONINSIGHTS_CONNECTION_STRING selects
/// Azure Monitor. With neither, nothing is exported and no span is even created. The OpenTelemetry SDK itself reads
/// OTEL_EXPORTER_OTLP_PROTOCOL, OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES and OTEL_METRIC_EXPORT_INTERVAL.
/// </summary>
public sealed record TelemetrySettings(bool OtlpTraces, bool OtlpMetrics, string? AzureMonitorConnectionString, string? ServiceName)
{
    public const string DefaultServiceName = "feedwatch";

    public bool Enabled => OtlpTraces || OtlpMetrics || AzureMonitorConnectionString is not null;

    public static TelemetrySettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var endpoint = Value(configuration, "OTEL_EXPORTER_OTLP_ENDPOINT");
        var traces = endpoint ?? Value(configuration, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
        var metrics = endpoint ?? Value(configuration, "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT");
        return new TelemetrySettings(
            traces is not null && !Disabled(configuration, "OTEL_TRACES_EXPORTER"),
            metrics is not null && !Disabled(configuration, "OTEL_METRICS_EXPORTER"),
            Value(configuration, "APPLICATIONINSIGHTS_CONNECTION_STRING"),
            Value(configuration, "OTEL_SERVICE_NAME"));
    }

    private static string? Value(IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    // OTEL_TRACES_EXPORTER=none / OTEL_METRICS_EXPORTER=none turn one signal off, as the specification says.
    private static bool Disabled(IConfiguration configuration, string key) =>
        string.Equals(Value(configuration, key), "none", StringComparison.OrdinalIgnoreCase);
}
