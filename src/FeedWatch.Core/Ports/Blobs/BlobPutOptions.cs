namespace FeedWatch.Core.Ports.Blobs;

/// <summary>How to write a blob: content headers, metadata and the write condition.</summary>
public sealed record BlobPutOptions
{
    public string ContentType { get; init; } = "application/octet-stream";
    public string? ContentEncoding { get; init; }
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>Only write when the blob does not exist yet (If-None-Match: *).</summary>
    public bool CreateOnly { get; init; }

    /// <summary>Only write when the blob's current ETag equals this (If-Match).</summary>
    public string? IfMatch { get; init; }

    public static BlobPutOptions Json(bool createOnly = false, string? ifMatch = null) =>
        new() { ContentType = "application/json; charset=utf-8", CreateOnly = createOnly, IfMatch = ifMatch };
}
