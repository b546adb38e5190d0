using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace FeedWatch.Azure.Common;

/// <summary>
/// The SDK client options every FeedWatch storage client starts from. The REST version is pinned to 2026-06-06
/// (see docs/storage.md: the newest version both Azure and the pinned Azurite 3.37.0 accept; the SDKs' default,
/// 2026-10-06, is refused by Azurite). Retries are Azure.Core's exponential backoff, which honours Retry-After;
/// queue messages travel base64-encoded because that is what the Functions queue trigger reads.
/// </summary>
public static class StorageClientDefaults
{
    public const BlobClientOptions.ServiceVersion BlobServiceVersion = BlobClientOptions.ServiceVersion.V2026_06_06;

    public const QueueClientOptions.ServiceVersion QueueServiceVersion = QueueClientOptions.ServiceVersion.V2026_06_06;

    /// <summary>The REST version the pinned enums send as x-ms-version.</summary>
    public const string PinnedRestVersion = "2026-06-06";

    public static BlobClientOptions Blob()
    {
        var options = new BlobClientOptions(BlobServiceVersion);
        ApplyRetry(options);
        return options;
    }

    public static QueueClientOptions Queue()
    {
        var options = new QueueClientOptions(QueueServiceVersion) { MessageEncoding = QueueMessageEncoding.Base64 };
        ApplyRetry(options);
        return options;
    }

    /// <summary>5 retries, exponential from 0.8 s up to 30 s (a Retry-After header overrides a shorter backoff).</summary>
    public static void ApplyRetry(ClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 5;
        options.Retry.Delay = TimeSpan.FromMilliseconds(800);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(30);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(100);
    }
}
