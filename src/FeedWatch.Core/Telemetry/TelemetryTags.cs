namespace FeedWatch.Core.Telemetry;

/// <summary>Attribute names on FeedWatch spans and metrics (documented in docs/operations.md).</summary>
public static class TelemetryTags
{
    public const string FeedId = "feedwatch.feed.id";
    public const string ArticleId = "feedwatch.article.id";
    public const string StoryId = "feedwatch.story.id";
    public const string AlertId = "feedwatch.alert.id";
    public const string Outlet = "feedwatch.outlet";
    public const string Outcome = "feedwatch.outcome";
    public const string Reason = "feedwatch.reason";
    public const string Result = "feedwatch.result";
    public const string Sink = "feedwatch.sink";
    public const string Queue = "feedwatch.queue";
    public const string Url = "url.full";
}
