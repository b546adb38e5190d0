namespace FeedWatch.Azure.Storage.Blobs;

/// <summary>
/// A downloaded blob, or — when the request carried If-None-Match with the current ETag — a 304 answer with
/// <see cref="NotModified"/> set, no content, and the properties the service returned.
/// </summary>
public sealed record BlobDownloadResult(bool NotModified, BlobProperties Properties, ReadOnlyMemory<byte> Content);
