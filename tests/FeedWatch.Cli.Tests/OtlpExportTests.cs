using System.Text.Json;
using FeedWatch.Cli.Tests.Support;

namespace FeedWatch.Cli.Tests;

/// <summary>
/// `feedwatch demo` as an operator runs it, configured only by the standard OpenTelemetry variables, exporting to a
/// collector on loopback: the exports name every stage, the metrics arrive, and `feedwatch status` reads the stores after.
/// </summary>
public sealed class OtlpExportTests
{
    private static readonly string[] StageSpans = ["feedwatch.schedule", "feedwatch.poll-feed", "feedwatch.fetch-article", "feedwatch.classify", "feedwatch.deliver-alert"];

    private static readonly string[] Metrics =
    [
        "feedwatch.polls", "feedwatch.feed.items.seen", "feedwatch.feed.items.new", "feedwatch.articles.fetched", "feedwatch.articles.stored",
        "feedwatch.extraction.duration", "feedwatch.classifications", "feedwatch.alerts.raised", "feedwatch.alerts.delivered",
        "feedwatch.alert.latency", "feedwatch.queue.depth", "feedwatch.queue.poison",
    ];

    [Fact]
    public async Task Demo_exports_traces_and_metrics_naming_the_stages_over_otlp_http_and_status_reports_the_queues_after()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        using var folder = new TempFolder();
        // The default metric export interval (60 s) is longer than the demo: the metrics arrive with the flush at exit.
        var exitCode = await RunDemoAsync(folder.Path, collector.HttpEndpoint, "http/protobuf", metricInterval: null);

        Assert.Equal(0, exitCode);
        Assert.True(collector.Count("traces", "http/protobuf") > 0, "no trace export arrived");
        Assert.True(collector.Count("metrics", "http/protobuf") > 0, "no metric export arrived");
        Assert.All(collector.Exports, e => Assert.Equal("application/x-protobuf", e.ContentType));
        var traces = collector.Text("traces");
        Assert.All(StageSpans, name => Assert.Contains(name, traces, StringComparison.Ordinal));
        Assert.Contains("feedwatch-otlp-test", traces, StringComparison.Ordinal); // OTEL_SERVICE_NAME
        Assert.Contains("feedwatch.story.id", traces, StringComparison.Ordinal);
        var metrics = collector.Text("metrics");
        Assert.All(Metrics, name => Assert.Contains(name, metrics, StringComparison.Ordinal));

        using var status = CliProcess.Start("status", new Dictionary<string, string>(), "status", "--json", "--data", folder.Path);
        Assert.Equal(0, await status.WaitAsync(TimeSpan.FromMinutes(2)));
        var line = status.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Single(l => l.StartsWith('{'));
        var document = JsonDocument.Parse(line).RootElement;
        Assert.True(document.GetProperty("healthy").GetBoolean(), line);
        var queues = document.GetProperty("queues").EnumerateArray().ToList();
        Assert.Equal(["poll-feed", "fetch-article", "classify", "deliver-alert"], queues.Select(q => q.GetProperty("stage").GetString()));
        Assert.All(queues, q => Assert.Equal(0, q.GetProperty("depth").GetInt32()));
        Assert.All(queues, q => Assert.Equal(0, q.GetProperty("poison").GetInt32()));
        Assert.Equal(5, document.GetProperty("feeds").GetProperty("ok").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, document.GetProperty("lastAlertAt").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, document.GetProperty("lastArticleAt").ValueKind);
        Assert.Contains(document.GetProperty("sinks").EnumerateArray(), s => s.GetProperty("name").GetString() == "queue" && s.GetProperty("parked").GetInt32() == 0);
    }

    [Fact]
    public async Task Demo_exports_traces_and_metrics_over_otlp_grpc()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        using var folder = new TempFolder();
        var exitCode = await RunDemoAsync(folder.Path, collector.GrpcEndpoint, "grpc", metricInterval: "1000");

        Assert.Equal(0, exitCode);
        Assert.True(collector.Count("traces", "grpc") > 0, "no trace export arrived");
        Assert.True(collector.Count("metrics", "grpc") > 0, "no metric export arrived");
        Assert.All(collector.Exports, e => Assert.StartsWith("application/grpc", e.ContentType, StringComparison.Ordinal));
        var traces = collector.Text("traces");
        Assert.All(StageSpans, name => Assert.Contains(name, traces, StringComparison.Ordinal));
        Assert.Contains("feedwatch.alert.latency", collector.Text("metrics"), StringComparison.Ordinal);
    }

    private static async Task<int> RunDemoAsync(string data, Uri endpoint, string protocol, string? metricInterval)
    {
        var environment = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint.AbsoluteUri.TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = protocol,
            ["OTEL_SERVICE_NAME"] = "feedwatch-otlp-test",
        };
        if (metricInterval is not null)
        {
            environment["OTEL_METRIC_EXPORT_INTERVAL"] = metricInterval;
        }

        using var demo = CliProcess.Start("demo", environment, "demo", "--data", data);
        var exitCode = await demo.WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(exitCode == 0, demo.Output);
        return exitCode;
    }
}
