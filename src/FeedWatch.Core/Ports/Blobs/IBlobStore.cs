namespace FeedWatch.Core.Ports.Blobs;

/// <summary>
/// A flat namespace of named blobs with Azure Blob semantics: every blob has an ETag, writes can be
/// create-only (If-None-Match: *) or conditional (If-Match), and names list by prefix. Both the embedded
/// folder store and the Azure Blob REST client implement it, and one contract test suite runs against both.
/// Names use '/' as the virtual directory separator, e.g. "stories/abc.json".
/// </summary>
public interface IBlobStore
{
    /// <summary>Reads a blob, or returns null when it does not exist.</summary>
    Task<BlobContent?> GetAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a blob. Returns <see cref="BlobPutResult.Written"/> false (never throws) when a condition in
    /// <paramref name="options"/> fails: the blob exists for a create-only write, or its ETag changed for If-Match.
    /// </summary>
    Task<BlobPutResult> PutAsync(string name, ReadOnlyMemory<byte> content, BlobPutOptions options, CancellationToken cancellationToken = default);

    /// <summary>Lists blobs whose names start with <paramref name="prefix"/>, in ordinal name order.</summary>
    IAsyncEnumerable<BlobInfo> ListAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>Deletes a blob; false when it did not exist or <paramref name="ifMatch"/> did not match.</summary>
    Task<bool> DeleteAsync(string name, string? ifMatch = null, CancellationToken cancellationToken = default);
}
