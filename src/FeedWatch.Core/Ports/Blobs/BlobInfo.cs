namespace FeedWatch.Core.Ports.Blobs;

/// <summary>A blob's properties: what a listing returns.</summary>
public sealed record BlobInfo(
    string Name,
    string ETag,
    long Length,
    string ContentType,
    DateTimeOffset LastModified,
    IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>The Content-Encoding the blob was written with (e.g. "gzip" for raw pages), or null.</summary>
    public string? ContentEncoding { get; init; }
}
