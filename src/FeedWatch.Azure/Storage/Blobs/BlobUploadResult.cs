namespace FeedWatch.Azure.Storage.Blobs;

/// <summary>What the service answered to a successful upload.</summary>
public sealed record BlobUploadResult(string ETag, DateTimeOffset LastModified);
