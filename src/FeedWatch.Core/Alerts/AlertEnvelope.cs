namespace FeedWatch.Core.Alerts;

/// <summary>
/// A spread alert in the CloudEvents 1.0 structured JSON format: what sinks send and what alerts/{yyyy}/{MM}/{dd}/{id}.json holds.
/// <see cref="DataSchema"/> names the versioned schema of <see cref="Data"/>, so consumers can tell versions apart.
/// </summary>
public sealed record AlertEnvelope
{
    public const string SpreadEventType = "feedwatch.story.spread";
    public const string SchemaV1 = "https://feedwatch.dev/schemas/feedwatch.story.spread.v1.json";

    public string SpecVersion { get; init; } = "1.0";
    public string Type { get; init; } = SpreadEventType;
    public required string Source { get; init; }
    public required string Id { get; init; }
    public required DateTimeOffset Time { get; init; }
    public string Subject { get; init; } = "";
    public string DataContentType { get; init; } = "application/json";
    public string DataSchema { get; init; } = SchemaV1;
    public required SpreadAlert Data { get; init; }

    public static AlertEnvelope For(SpreadAlert alert) => new()
    {
        Source = "/feedwatch/stories/" + alert.StoryId,
        Id = alert.Id,
        Time = alert.DetectedAt,
        Subject = alert.Outlet,
        Data = alert,
    };
}
