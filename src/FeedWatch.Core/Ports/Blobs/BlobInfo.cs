namespace FeedWatch.Core.Ports.Blobs;

/// <summary>A blob's properties: what a listing returns.</summary>
public sealed record BlobInfo(
    string Name,
    string ETag,
    long Length,
    string ContentType,
    DateTimeOffset LastModified,
    IReadOnlyDictionary<string, string> Metadata);
