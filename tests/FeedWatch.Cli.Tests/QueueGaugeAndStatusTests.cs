using System.Text.Json;
using FeedWatch.Cli.Tests.Support;
using FeedWatch.Core.Pipeline.Messages;
using FeedWatch.Core.Pipeline.Status;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Core.Telemetry;
using FeedWatch.Hosting;
using FeedWatch.Hosting.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace FeedWatch.Cli.Tests;

/// <summary>The queue gauges, the status document and the `status` exit code over the real embedded queues.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class QueueGaugeAndStatusTests
{
    [Fact]
    public async Task Gauges_and_status_report_each_stage_queue_and_its_poison_and_status_exits_1_while_poison_is_kept()
    {
        using var folder = new TempFolder();
        var metrics = new List<MetricSnapshot>();
        using var meter = Sdk.CreateMeterProviderBuilder().AddFeedWatchInstrumentation().AddInMemoryExporter(metrics).Build();
        using (var host = BuildHost(folder.Path, withGauges: true))
        {
            var queues = host.Services.GetRequiredService<IQueueProvider>();
            await queues.GetQueue(QueueNames.PollFeed).CreateIfNotExistsAsync();
            await queues.SendMessageAsync(QueueNames.PollFeed, new PollFeedMessage("a", DateTimeOffset.UnixEpoch), CancellationToken.None);
            await queues.SendMessageAsync(QueueNames.PollFeed, new PollFeedMessage("b", DateTimeOffset.UnixEpoch), CancellationToken.None);
            var poison = queues.GetQueue(QueueNames.Poison(QueueNames.ClassifyArticle));
            await poison.CreateIfNotExistsAsync();
            await poison.SendAsync("{ not a message");

            await host.Services.GetRequiredService<QueueGauges>().SampleAsync(CancellationToken.None);
            meter!.ForceFlush();

            Assert.Equal(2, Gauge(metrics, "feedwatch.queue.depth", QueueNames.PollFeed));
            Assert.Equal(0, Gauge(metrics, "feedwatch.queue.depth", QueueNames.ClassifyArticle));
            Assert.Equal(1, Gauge(metrics, "feedwatch.queue.poison", QueueNames.ClassifyArticle));
            Assert.Equal(0, Gauge(metrics, "feedwatch.queue.poison", QueueNames.PollFeed));

            var status = await host.Services.GetRequiredService<PipelineStatusReader>().ReadAsync();
            Assert.False(status.Healthy);
            Assert.Contains(status.Attention, a => a.Contains(QueueNames.Poison(QueueNames.ClassifyArticle), StringComparison.Ordinal));
            Assert.Equal(new QueueStatus("poll-feed", QueueNames.PollFeed, 2, 0), status.Queues[0]);
            Assert.Equal(new QueueStatus("classify", QueueNames.ClassifyArticle, 0, 1), status.Queues[2]);
        }

        var cli = new CliRunner(new Dictionary<string, string?>());
        var json = await cli.RunAsync("status", "--json", "--data", folder.Path);
        Assert.Equal(1, json.ExitCode);
        var document = JsonDocument.Parse(Assert.Single(json.Lines)).RootElement;
        Assert.False(document.GetProperty("healthy").GetBoolean());
        var classify = document.GetProperty("queues").EnumerateArray().Single(q => q.GetProperty("stage").GetString() == "classify");
        Assert.Equal(1, classify.GetProperty("poison").GetInt32());

        var table = await cli.RunAsync("status", "--data", folder.Path);
        Assert.Equal(1, table.ExitCode);
        Assert.Contains("Needs attention", table.Output, StringComparison.Ordinal);
        Assert.Contains(QueueNames.Poison(QueueNames.ClassifyArticle), table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_is_exported_unless_an_exporter_is_configured_by_the_standard_variables()
    {
        using var folder = new TempFolder();
        using (var plain = BuildHost(folder.Path, withGauges: false))
        {
            Assert.Null(plain.Services.GetService<TracerProvider>());
            Assert.Null(plain.Services.GetService<MeterProvider>());
            Assert.Null(plain.Services.GetService<QueueGauges>());
        }

        using var configured = BuildHost(folder.Path, withGauges: false, new() { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4318" });
        Assert.NotNull(configured.Services.GetService<TracerProvider>());
        Assert.NotNull(configured.Services.GetService<MeterProvider>());
        Assert.NotNull(configured.Services.GetService<QueueGauges>());

        using var azure = BuildHost(folder.Path, withGauges: false, new()
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/",
        });
        Assert.NotNull(azure.Services.GetService<TracerProvider>());

        using var metricsOnly = BuildHost(folder.Path, withGauges: false, new()
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4318",
            ["OTEL_TRACES_EXPORTER"] = "none",
        });
        Assert.Null(metricsOnly.Services.GetService<TracerProvider>());
        Assert.NotNull(metricsOnly.Services.GetService<MeterProvider>());
    }

    private static IHost BuildHost(string data, bool withGauges, Dictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        var all = new Dictionary<string, string?>
        {
            ["FeedWatch:DataDirectory"] = data,
            ["FeedWatch:ConsoleAlerts"] = "false",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(all);
        builder.Logging.ClearProviders();
        builder.AddFeedWatch();
        if (withGauges)
        {
            builder.Services.AddFeedWatchQueueGauges();
        }

        return builder.Build();
    }

    private static long Gauge(List<MetricSnapshot> metrics, string name, string queue)
    {
        lock (metrics)
        {
            var last = metrics.Last(m => m.Name == name);
            foreach (var point in last.MetricPoints)
            {
                foreach (var tag in point.Tags)
                {
                    if (tag.Key == TelemetryTags.Queue && (string?)tag.Value == queue)
                    {
                        return point.GetGaugeLastValueLong();
                    }
                }
            }
        }

        throw new InvalidOperationException($"No {name} point for {queue}.");
    }
}
