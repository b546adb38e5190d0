namespace FeedWatch.Core.Alerts.Digests;

/// <summary>A digest as a CloudEvents 1.0 structured JSON event (schemas/feedwatch.story.digest.v1.schema.json).</summary>
public sealed record DigestEnvelope() : CloudEventEnvelope<AlertDigest>(DigestEventType, SchemaV1)
{
    public const string DigestEventType = "feedwatch.story.digest";
    public const string SchemaV1 = "https://feedwatch.dev/schemas/feedwatch.story.digest.v1.json";

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
