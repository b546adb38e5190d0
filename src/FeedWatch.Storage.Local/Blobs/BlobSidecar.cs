namespace FeedWatch.Storage.Local.Blobs;

/// <summary>
/// The properties file kept beside each blob (under ".feedwatch/props/"). It is the blob's commit record:
/// a blob exists when its sidecar exists and its content (or <see cref="PendingContent"/>) does.
/// <see cref="PendingContent"/> names the temp file holding the content this sidecar describes; it is renamed
/// into place right after the sidecar, and whoever finds it still there (after a crash) finishes the rename.
/// </summary>
internal sealed record BlobSidecar(
    string ETag,
    long Length,
    string ContentType,
    string? ContentEncoding,
    DateTimeOffset LastModified,
    Dictionary<string, string> Metadata,
    string? PendingContent);
