using System.Text.Json.Serialization;

namespace FeedWatch.Core.Alerts;

/// <summary>
/// The CloudEvents 1.0 structured JSON envelope shared by FeedWatch's events (spread alerts, digests).
/// CloudEvents attribute names are lower-case without separators ("specversion", "datacontenttype"), hence the
/// explicit names: the camelCase policy of FeedWatchJson would otherwise write "specVersion", which consumers reject.
/// <see cref="DataSchema"/> names the versioned schema of <see cref="Data"/>, so consumers can tell versions apart.
/// </summary>
public abstract record CloudEventEnvelope<TData>
{
    protected CloudEventEnvelope(string type, string dataSchema)
    {
        Type = type;
        DataSchema = dataSchema;
    }

    [JsonPropertyName("specversion")]
    public string SpecVersion { get; init; } = "1.0";

    [JsonPropertyName("type")]
    public string Type { get; init; }

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
    public string DataSchema { get; init; }

    [JsonPropertyName("data")]
    public required TData Data { get; init; }
}
