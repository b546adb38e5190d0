namespace FeedWatch.Core.Pipeline.Blobs;

/// <summary>A JSON document read from a blob with the ETag to make the next write conditional on.</summary>
public sealed record StoredDocument<T>(T Value, string ETag);
