using System.Diagnostics;

namespace FeedWatch.Core.Telemetry;

/// <summary>
/// One <see cref="ActivitySource"/> per pipeline stage, all named "FeedWatch.*" so an exporter subscribes with the
/// one wildcard <see cref="SourceNamePattern"/>. Each stage's span is named after the stage (feedwatch.poll-feed …).
/// </summary>
public static class FeedWatchTracing
{
    public const string SourceNamePattern = "FeedWatch.*";

    public static ActivitySource Schedule { get; } = new("FeedWatch.Schedule");
    public static ActivitySource PollFeed { get; } = new("FeedWatch.PollFeed");
    public static ActivitySource FetchArticle { get; } = new("FeedWatch.FetchArticle");
    public static ActivitySource Classify { get; } = new("FeedWatch.Classify");
    public static ActivitySource DeliverAlert { get; } = new("FeedWatch.DeliverAlert");

    public const string ScheduleSpan = "feedwatch.schedule";
    public const string PollFeedSpan = "feedwatch.poll-feed";
    public const string FetchArticleSpan = "feedwatch.fetch-article";
    public const string ClassifySpan = "feedwatch.classify";
    public const string DeliverAlertSpan = "feedwatch.deliver-alert";

    /// <summary>
    /// Starts a stage's span. With a W3C traceparent taken from the queue message, the span continues that trace
    /// (a consumer span whose parent is the span that enqueued the message); without one it starts under the
    /// current activity, or a new trace. Null when nobody listens (no exporter configured).
    /// </summary>
    public static Activity? StartStage(ActivitySource source, string spanName, string? traceParent)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (traceParent is not null && ActivityContext.TryParse(traceParent, null, isRemote: true, out var parent))
        {
            return source.StartActivity(spanName, ActivityKind.Consumer, parent);
        }

        return source.StartActivity(spanName, traceParent is null ? ActivityKind.Internal : ActivityKind.Consumer);
    }

    /// <summary>The W3C traceparent of the current span, to carry inside a message; null outside any span.</summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>Records the outcome on the span (and marks it an error for failures).</summary>
    public static void SetOutcome(this Activity? activity, string outcome, bool failed = false)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(TelemetryTags.Outcome, outcome);
        if (failed)
        {
            activity.SetStatus(ActivityStatusCode.Error, outcome);
        }
    }
}
