using System.Diagnostics;
using Azure.Identity;
using FeedWatch.Core.Pipeline.Messages;
using FeedWatch.Core.Telemetry;
using FeedWatch.Hosting.Telemetry;
using Microsoft.Extensions.Configuration;

namespace FeedWatch.Cli.Tests;

/// <summary>How the standard variables are read, and the trace context a stage message carries.</summary>
public sealed class TelemetrySettingsTests
{
    [Fact]
    public void The_standard_variables_select_the_exporters_and_none_means_nothing_is_exported()
    {
        Assert.False(Read([]).Enabled);
        Assert.False(Read(new() { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "  " }).Enabled);

        var otlp = Read(new() { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://collector:4318", ["OTEL_SERVICE_NAME"] = "fw" });
        Assert.True(otlp.OtlpTraces && otlp.OtlpMetrics);
        Assert.Equal("fw", otlp.ServiceName);

        var tracesOnly = Read(new() { ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] = "http://collector:4318/v1/traces" });
        Assert.True(tracesOnly.OtlpTraces);
        Assert.False(tracesOnly.OtlpMetrics);

        var noMetrics = Read(new() { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://collector:4318", ["OTEL_METRICS_EXPORTER"] = "none" });
        Assert.True(noMetrics.OtlpTraces);
        Assert.False(noMetrics.OtlpMetrics);

        var azure = Read(new() { ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=x" });
        Assert.True(azure.Enabled);
        Assert.False(azure.OtlpTraces);
        Assert.Equal("InstrumentationKey=x", azure.AzureMonitorConnectionString);
    }

    [Fact]
    public void The_application_insights_authentication_string_selects_a_managed_identity_and_rejects_what_it_cannot_read()
    {
        Assert.Null(AzureMonitorAuthentication.CredentialFrom(null));
        Assert.IsType<ManagedIdentityCredential>(AzureMonitorAuthentication.CredentialFrom("Authorization=AAD"));
        Assert.IsType<ManagedIdentityCredential>(AzureMonitorAuthentication.CredentialFrom("ClientId=6f1c0c57-0000-0000-0000-000000000000;Authorization=AAD"));
        var error = Assert.Throws<InvalidOperationException>(() => AzureMonitorAuthentication.CredentialFrom("ClientId=abc"));
        Assert.Contains("Authorization=AAD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_sent_inside_a_span_carries_its_traceparent_and_one_sent_outside_is_unchanged()
    {
        var message = new ClassifyArticleMessage("a1", "articles/x.json");
        Assert.Equal(PipelineMessages.Serialize(message), PipelineMessages.SerializeTraced(message));

        using var span = new Activity("test").SetIdFormat(ActivityIdFormat.W3C).Start();
        var body = PipelineMessages.SerializeTraced(message);
        var read = PipelineMessages.Deserialize<ClassifyArticleMessage>(body);

        Assert.Equal(span.Id, read.TraceParent);
        Assert.Equal(message with { TraceParent = span.Id }, read);
        using var child = FeedWatchTracingProbe.Start(read.TraceParent);
        Assert.Equal(span.TraceId, child.TraceId);
        Assert.Equal(span.SpanId, child.ParentSpanId);
    }

    private static TelemetrySettings Read(Dictionary<string, string?> values) =>
        TelemetrySettings.From(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

    /// <summary>A stage span started from a message's traceparent, with a listener so the span exists.</summary>
    private static class FeedWatchTracingProbe
    {
        public static Activity Start(string? traceParent)
        {
            using var listener = new ActivityListener
            {
                ShouldListenTo = s => s.Name == "FeedWatch.Classify",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            };
            ActivitySource.AddActivityListener(listener);
            return FeedWatchTracing.StartStage(FeedWatchTracing.Classify, FeedWatchTracing.ClassifySpan, traceParent)
                ?? throw new InvalidOperationException("no span was started");
        }
    }
}
