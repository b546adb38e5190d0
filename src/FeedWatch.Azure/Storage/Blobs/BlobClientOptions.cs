using Azure.Core;
using FeedWatch.Azure.Common;

namespace FeedWatch.Azure.Storage.Blobs;

/// <summary>Options for <see cref="BlobContainerClient"/>: retries and diagnostics (from <see cref="ClientOptions"/>) and upload sizes.</summary>
public sealed class BlobClientOptions : ClientOptions
{
    public BlobClientOptions() => StoragePipeline.ApplyDefaultRetry(this);

    public string ServiceVersion { get; set; } = StorageServiceVersion.Pinned;

    /// <summary>Bodies up to this size go up in one Put Blob; larger ones in blocks (Put Block + Put Block List).</summary>
    public int SingleUploadThreshold { get; set; } = 8 * 1024 * 1024;

    public int BlockSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>How many blocks of one blob upload at once.</summary>
    public int MaxConcurrentBlockUploads { get; set; } = 4;
}
