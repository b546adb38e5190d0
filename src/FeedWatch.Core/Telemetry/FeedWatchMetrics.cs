using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FeedWatch.Core.Telemetry;

/// <summary>
/// The pipeline's counters and histograms, on the meter "FeedWatch". Queue depth and poison gauges are observed
/// per host (they need its queues) by the hosting layer on a meter of the same name. Names and tags are listed in
/// docs/operations.md; recording costs nothing measurable when no exporter listens.
/// </summary>
public static class FeedWatchMetrics
{
    public const string MeterName = "FeedWatch";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Upper bounds (seconds) for publish-to-alert latency: one second up to a day.</summary>
    private static readonly double[] LatencyBuckets = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21600, 43200, 86400];

    private static readonly double[] ExtractionBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

    public static Counter<long> Polls { get; } = Meter.CreateCounter<long>(
        "feedwatch.polls", "{poll}", "Feed polls by outcome: 200 (new document), 304 (not modified), error, backoff (429/503: the server asked to slow down), gone (410).");

    public static Counter<long> ItemsSeen { get; } = Meter.CreateCounter<long>(
        "feedwatch.feed.items.seen", "{item}", "Items listed in polled feeds.");

    public static Counter<long> ItemsNew { get; } = Meter.CreateCounter<long>(
        "feedwatch.feed.items.new", "{item}", "Feed items not seen before, handed to fetch-article.");

    public static Counter<long> ArticlesFetched { get; } = Meter.CreateCounter<long>(
        "feedwatch.articles.fetched", "{article}", "Article page fetches by outcome (ok, failed, transient).");

    public static Counter<long> ArticlesStored { get; } = Meter.CreateCounter<long>(
        "feedwatch.articles.stored", "{article}", "Articles stored (document and raw page).");

    public static Counter<long> ArticlesSkipped { get; } = Meter.CreateCounter<long>(
        "feedwatch.articles.skipped", "{article}", "Feed items not stored, by reason (known, not_fetchable, deferred, fetch_failed).");

    public static Histogram<double> ExtractionDuration { get; } = Meter.CreateHistogram(
        "feedwatch.extraction.duration", "s", "Time to extract an article from a fetched page.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ExtractionBuckets });

    public static Counter<long> Classifications { get; } = Meter.CreateCounter<long>(
        "feedwatch.classifications", "{article}", "Articles classified, by result (joined, new_story, tracked_match, too_short).");

    public static Counter<long> AlertsRaised { get; } = Meter.CreateCounter<long>(
        "feedwatch.alerts.raised", "{alert}", "Spread alerts raised (handed to deliver-alert).");

    public static Counter<long> AlertsDelivered { get; } = Meter.CreateCounter<long>(
        "feedwatch.alerts.delivered", "{alert}", "Alert deliveries by sink and outcome (delivered, failed, parked).");

    public static Histogram<double> PublishToAlertLatency { get; } = Meter.CreateHistogram(
        "feedwatch.alert.latency", "s", "From the outlet publishing the article to its spread alert being delivered.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });

    public static void RecordPoll(string outcome) => Polls.Add(1, new KeyValuePair<string, object?>(TelemetryTags.Outcome, outcome));

    public static void RecordSkipped(string reason) => ArticlesSkipped.Add(1, new KeyValuePair<string, object?>(TelemetryTags.Reason, reason));

    public static void RecordFetched(string outcome) => ArticlesFetched.Add(1, new KeyValuePair<string, object?>(TelemetryTags.Outcome, outcome));

    public static void RecordClassification(string result) => Classifications.Add(1, new KeyValuePair<string, object?>(TelemetryTags.Result, result));

    public static void RecordDelivery(string sink, string outcome) => AlertsDelivered.Add(1,
        new KeyValuePair<string, object?>(TelemetryTags.Sink, sink), new KeyValuePair<string, object?>(TelemetryTags.Outcome, outcome));

    public static void RecordExtraction(long startTimestamp) =>
        ExtractionDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds);

    /// <summary>Publish-to-alert latency; skipped when the article has no publication date (or one in the future).</summary>
    public static void RecordAlertLatency(DateTimeOffset? published, DateTimeOffset deliveredAt)
    {
        if (published is { } at && deliveredAt >= at)
        {
            PublishToAlertLatency.Record((deliveredAt - at).TotalSeconds);
        }
    }
}
