namespace FeedWatch.Core.Alerts;

/// <summary>
/// A spread alert in the CloudEvents 1.0 structured JSON format: what sinks send and what alerts/{yyyy}/{MM}/{dd}/{id}.json holds.
/// The published schema is schemas/feedwatch.story.spread.v1.schema.json.
/// </summary>
public sealed record AlertEnvelope() : CloudEventEnvelope<SpreadAlert>(SpreadEventType, SchemaV1)
{
    public const string SpreadEventType = "feedwatch.story.spread";
    public const string SchemaV1 = "https://feedwatch.dev/schemas/feedwatch.story.spread.v1.json";

    public static AlertEnvelope For(SpreadAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new()
        {
            Source = "/feedwatch/stories/" + alert.StoryId,
            Id = alert.Id,
            Time = alert.DetectedAt,
            Subject = alert.Outlet,
            Data = alert,
        };
    }
}
