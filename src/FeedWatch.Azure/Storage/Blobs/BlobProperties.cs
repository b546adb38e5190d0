namespace FeedWatch.Azure.Storage.Blobs;

/// <summary>A blob's system properties and metadata. <see cref="ETag"/> is in its quoted header form.</summary>
public sealed record BlobProperties(
    string ETag,
    long ContentLength,
    string ContentType,
    string? ContentEncoding,
    DateTimeOffset LastModified,
    IReadOnlyDictionary<string, string> Metadata);
