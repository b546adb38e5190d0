namespace FeedWatch.Azure.Storage.Blobs;

/// <summary>Headers, metadata and the write condition of an upload.</summary>
public sealed record BlobUploadOptions
{
    public string ContentType { get; init; } = "application/octet-stream";

    public string? ContentEncoding { get; init; }

    /// <summary>Metadata names must be C# identifiers and values header-safe ASCII (the service rejects others).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>Sent as If-Match: the upload fails with 412 unless the blob's ETag matches.</summary>
    public string? IfMatch { get; init; }

    /// <summary>Sent as If-None-Match; "*" makes the upload create-only (409 BlobAlreadyExists otherwise).</summary>
    public string? IfNoneMatch { get; init; }
}
