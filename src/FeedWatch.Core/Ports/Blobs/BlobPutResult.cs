namespace FeedWatch.Core.Ports.Blobs;

/// <summary>The outcome of a write: <see cref="Written"/> is false when its condition failed (412/409).</summary>
public sealed record BlobPutResult(bool Written, string? ETag)
{
    public static BlobPutResult ConditionFailed { get; } = new(false, null);
}
