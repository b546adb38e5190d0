namespace FeedWatch.Core.Ports.Blobs;

/// <summary>A blob's bytes with the properties read alongside them.</summary>
public sealed record BlobContent(BlobInfo Info, ReadOnlyMemory<byte> Content);
