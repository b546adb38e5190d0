using System.Diagnostics;
using FeedWatch.Cli.Tests.Support;
using FeedWatch.Core.Telemetry;
using FeedWatch.Hosting.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace FeedWatch.Cli.Tests;

/// <summary>
/// The demo's real pipeline, watched by in-memory exporters subscribed exactly as a configured host subscribes
/// (<see cref="FeedWatchTelemetryExtensions.AddFeedWatchInstrumentation(TracerProviderBuilder)"/>): every alert's spans form
/// one trace across the queue hops, and the counters and histograms move with what the demo did.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class PipelineTracingTests
{
    [Fact]
    public async Task Each_alert_continues_the_trace_of_its_article_from_poll_to_delivery_and_the_metrics_count_the_run()
    {
        using var folder = new TempFolder();
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddFeedWatchInstrumentation().AddInMemoryExporter(spans).Build();
        using var meter = Sdk.CreateMeterProviderBuilder().AddFeedWatchInstrumentation().AddInMemoryExporter(metrics).Build();

        var demo = await new CliRunner(new Dictionary<string, string?>()).RunAsync("demo", "--data", folder.Path);
        Assert.True(demo.ExitCode == 0, demo.Output + demo.Error);
        tracing!.ForceFlush();
        meter!.ForceFlush();

        List<Activity> recorded;
        lock (spans)
        {
            recorded = spans.ToList();
        }

        var byId = recorded.ToDictionary(s => s.SpanId);
        var deliveries = recorded.Where(s => s.DisplayName == FeedWatchTracing.DeliverAlertSpan && Tag(s, TelemetryTags.Outcome) == "delivered").ToList();
        Assert.Equal(4, deliveries.Count);
        foreach (var delivery in deliveries)
        {
            var chain = Chain(delivery, byId);
            var names = chain.Select(s => s.DisplayName).ToList();
            Assert.True(names.Count >= 4, string.Join(" <- ", names));
            Assert.Equal(FeedWatchTracing.DeliverAlertSpan, names[0]);
            Assert.Equal(FeedWatchTracing.ClassifySpan, names[1]);
            Assert.All(names.Skip(2).SkipLast(1), n => Assert.Equal(FeedWatchTracing.FetchArticleSpan, n));
            Assert.Equal(FeedWatchTracing.PollFeedSpan, names[^1]);
            Assert.All(chain, s => Assert.Equal(delivery.TraceId, s.TraceId));

            // One article's path: the classify span and the fetch that stored the article name the same article and outlet.
            var classify = chain[1];
            var fetch = chain[2];
            Assert.Equal(Tag(fetch, TelemetryTags.ArticleId), Tag(classify, TelemetryTags.ArticleId));
            Assert.Equal(Tag(delivery, TelemetryTags.Outlet), Tag(classify, TelemetryTags.Outlet));
            Assert.Equal("stored", Tag(fetch, TelemetryTags.Outcome));
            Assert.Equal("tracked_match", Tag(classify, TelemetryTags.Outcome));
            Assert.Equal(ActivityKind.Consumer, classify.Kind);

            // The poll is the root of the article's trace, linked to the schedule tick that enqueued it.
            var poll = chain[^1];
            Assert.Equal(default, poll.ParentSpanId);
            var link = Assert.Single(poll.Links);
            Assert.Equal(FeedWatchTracing.ScheduleSpan, byId[link.Context.SpanId].DisplayName);
            Assert.Equal(Tag(poll, TelemetryTags.FeedId), Tag(fetch, TelemetryTags.FeedId));

            // Outbound HTTP is instrumented: the page fetch is a client span under the fetch-article span.
            Assert.Contains(recorded, s => s.ParentSpanId == fetch.SpanId && s.Kind == ActivityKind.Client && Tag(s, "url.full") == Tag(fetch, TelemetryTags.Url));
        }

        // Metrics, cumulative at the last export.
        Assert.True(Sum(metrics, "feedwatch.polls", TelemetryTags.Outcome, "200") >= 5);
        Assert.Equal(0, Sum(metrics, "feedwatch.polls", TelemetryTags.Outcome, "error"));
        Assert.True(Sum(metrics, "feedwatch.feed.items.seen") >= Sum(metrics, "feedwatch.feed.items.new"));
        var stored = Sum(metrics, "feedwatch.articles.stored");
        Assert.True(stored >= 4, $"{stored} stored");
        Assert.True(Sum(metrics, "feedwatch.articles.fetched", TelemetryTags.Outcome, "ok") >= stored);
        Assert.True(HistogramCount(metrics, "feedwatch.extraction.duration") >= stored);
        // Every alerted article matched the tracked story (a later article of an outlet already reached matches without alerting).
        var trackedMatches = Sum(metrics, "feedwatch.classifications", TelemetryTags.Result, "tracked_match");
        Assert.True(trackedMatches >= 4, $"{trackedMatches} tracked matches");
        Assert.Equal(trackedMatches, recorded.Count(s => s.DisplayName == FeedWatchTracing.ClassifySpan && Tag(s, TelemetryTags.Outcome) == "tracked_match"));
        Assert.Equal(4, Sum(metrics, "feedwatch.alerts.raised"));
        Assert.Equal(4, Sum(metrics, "feedwatch.alerts.delivered", TelemetryTags.Sink, "console"));
        Assert.Equal(4, HistogramCount(metrics, "feedwatch.alert.latency"));
    }

    private static List<Activity> Chain(Activity span, Dictionary<ActivitySpanId, Activity> byId)
    {
        var chain = new List<Activity> { span };
        while (chain[^1].ParentSpanId != default && byId.TryGetValue(chain[^1].ParentSpanId, out var parent))
        {
            chain.Add(parent);
        }

        return chain;
    }

    private static string? Tag(Activity span, string name) => span.GetTagItem(name)?.ToString();

    private static IEnumerable<MetricPoint> Points(List<MetricSnapshot> metrics, string name)
    {
        lock (metrics)
        {
            var last = metrics.LastOrDefault(m => m.Name == name);
            return last is null ? [] : last.MetricPoints.ToList();
        }
    }

    private static long Sum(List<MetricSnapshot> metrics, string name, string? tag = null, string? value = null)
    {
        long total = 0;
        foreach (var point in Points(metrics, name))
        {
            if (tag is null || HasTag(point, tag, value))
            {
                total += point.GetSumLong();
            }
        }

        return total;
    }

    private static long HistogramCount(List<MetricSnapshot> metrics, string name) => Points(metrics, name).Sum(p => p.GetHistogramCount());

    private static bool HasTag(MetricPoint point, string tag, string? value)
    {
        foreach (var pair in point.Tags)
        {
            if (pair.Key == tag && pair.Value?.ToString() == value)
            {
                return true;
            }
        }

        return false;
    }
}
