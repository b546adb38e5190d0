using Azure.Core;
using Azure.Core.Pipeline;

namespace FeedWatch.Azure.Common;

/// <summary>
/// Builds the HttpPipeline the storage clients send through: Azure.Core's retry (exponential backoff on 408, 429,
/// 500, 502, 503, 504 and network faults, honouring Retry-After), client request ids and logging, then per attempt
/// the pinned x-ms-version/x-ms-date and authentication.
/// </summary>
public static class StoragePipeline
{
    public static HttpPipeline Build(ClientOptions options, StorageAuthentication authentication, string serviceVersion = StorageServiceVersion.Pinned)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(authentication);
        var perRetry = new List<HttpPipelinePolicy> { new StorageHeadersPolicy(serviceVersion) };
        var auth = authentication.CreatePolicy();
        if (auth is not null)
        {
            perRetry.Add(auth);
        }

        return HttpPipelineBuilder.Build(options, [], [.. perRetry], new ResponseClassifier());
    }

    /// <summary>The retry settings the storage clients start from: 5 retries, exponential from 0.8 s up to 30 s.</summary>
    public static void ApplyDefaultRetry(ClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 5;
        options.Retry.Delay = TimeSpan.FromMilliseconds(800);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(30);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(100);
    }
}
