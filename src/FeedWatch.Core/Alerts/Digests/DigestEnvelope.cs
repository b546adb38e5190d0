using System.Text.Json.Serialization;

namespace FeedWatch.Core.Alerts.Digests;

/// <summary>A digest as a CloudEvents 1.0 structured JSON event (schemas/feedwatch.story.digest.v1.schema.json).</summary>
public sealed record DigestEnvelope
{
    public const string DigestEventType = "feedwatch.story.digest";
    public const string SchemaV1 = "https://feedwatch.dev/schemas/feedwatch.story.digest.v1.json";

    [JsonPropertyName("specversion")]
    public string SpecVersion { get; init; } = "1.0";

    [JsonPropertyName("type")]
    public string Type { get; init; } = DigestEventType;

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
    public required AlertDigest Data { get; init; }

    public static DigestEnvelope For(AlertDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return new()
        {
            Source = "/feedwatch/stories/" + digest.StoryId,
            Id = digest.Id,
            Time = digest.PeriodEnd,
            Subject = string.Join(",", digest.Alerts.Select(a => a.Outlet)),
            Data = digest,
        };
    }
}
