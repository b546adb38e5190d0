using System.Text.Json.Serialization;

namespace FeedWatch.Core.Alerts;

/// <summary>
/// A spread alert in the CloudEvents 1.0 structured JSON format: what sinks send and what alerts/{yyyy}/{MM}/{dd}/{id}.json holds.
/// <see cref="DataSchema"/> names the versioned schema of <see cref="Data"/>, so consumers can tell versions apart.
/// CloudEvents attribute names are lower-case without separators ("specversion", "datacontenttype"), hence the
/// explicit names: the camelCase policy of FeedWatchJson would otherwise write "specVersion", which consumers reject.
/// The published schema is schemas/feedwatch.story.spread.v1.schema.json.
/// </summary>
public sealed record AlertEnvelope
{
    public const string SpreadEventType = "feedwatch.story.spread";
    public const string SchemaV1 = "https://feedwatch.dev/schemas/feedwatch.story.spread.v1.json";

    [JsonPropertyName("specversion")]
    public string SpecVersion { get; init; } = "1.0";

    [JsonPropertyName("type")]
    public string Type { get; init; } = SpreadEventType;

    [JsonPropertyName("source")]
    public required string Source { get; init; }

    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("time")]
    public required DateTimeOffset Time { get; init; }

    [JsonPropertyName("subject")]
    public string Subject { get; init; } = "";

    [JsonPropertyName("datacontenttype")]
    public string DataContentType { get; init; } = "application/json";

    [JsonPropertyName("dataschema")]
    public string DataSchema { get; init; } = SchemaV1;

    [JsonPropertyName("data")]
    public required SpreadAlert Data { get; init; }

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
