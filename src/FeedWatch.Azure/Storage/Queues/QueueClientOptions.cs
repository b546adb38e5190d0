using Azure.Core;
using FeedWatch.Azure.Common;

namespace FeedWatch.Azure.Storage.Queues;

/// <summary>Options for <see cref="QueueClient"/>: retries and diagnostics (from <see cref="ClientOptions"/>) and message encoding.</summary>
public sealed class QueueClientOptions : ClientOptions
{
    public QueueClientOptions() => StoragePipeline.ApplyDefaultRetry(this);

    public string ServiceVersion { get; set; } = StorageServiceVersion.Pinned;

    public QueueMessageEncoding MessageEncoding { get; set; } = QueueMessageEncoding.Base64;
}
